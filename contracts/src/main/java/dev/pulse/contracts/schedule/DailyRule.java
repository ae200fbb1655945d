package dev.pulse.contracts.schedule;

import java.time.LocalDateTime;
import java.time.LocalTime;

/** Every day at one local time. */
record DailyRule(LocalTime time) implements WallClockRule {

    @Override
    public LocalDateTime nextAfter(LocalDateTime after) {
        LocalDateTime today = after.toLocalDate().atTime(time);
        return today.isAfter(after) ? today : today.plusDays(1);
    }
}
