package dev.pulse.contracts.schedule;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/** On some days of the week, at one local time. */
record WeeklyRule(Set<DayOfWeek> days, LocalTime time) implements WallClockRule {

    WeeklyRule {
        days = EnumSet.copyOf(days);
    }

    @Override
    public LocalDateTime nextAfter(LocalDateTime after) {
        LocalDateTime candidate = after.toLocalDate().atTime(time);
        if (!candidate.isAfter(after)) {
            candidate = candidate.plusDays(1);
        }
        while (!days.contains(candidate.getDayOfWeek())) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }
}
