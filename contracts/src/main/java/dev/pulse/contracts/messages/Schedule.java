package dev.pulse.contracts.messages;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * When a job runs. Which fields matter depends on {@code type}: daily needs {@code time}; weekly
 * {@code days} and {@code time}; custom {@code intervalSeconds} and {@code anchor}; cron {@code cron}.
 * Local times are read in {@code timezone}.
 */
public record Schedule(
        ScheduleType type,
        LocalTime time,
        List<DayOfWeek> days,
        Long intervalSeconds,
        Instant anchor,
        String cron,
        ZoneId timezone) {

    public Schedule {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timezone, "timezone");
        days = days == null ? List.of() : List.copyOf(days);
    }

    public static Schedule daily(LocalTime time, ZoneId zone) {
        return new Schedule(ScheduleType.DAILY, time, List.of(), null, null, null, zone);
    }

    public static Schedule weekly(List<DayOfWeek> days, LocalTime time, ZoneId zone) {
        return new Schedule(ScheduleType.WEEKLY, time, days, null, null, null, zone);
    }

    public static Schedule every(long intervalSeconds, Instant anchor, ZoneId zone) {
        return new Schedule(ScheduleType.CUSTOM, null, List.of(), intervalSeconds, anchor, null, zone);
    }

    public static Schedule cron(String expression, ZoneId zone) {
        return new Schedule(ScheduleType.CRON, null, List.of(), null, null, expression, zone);
    }
}
