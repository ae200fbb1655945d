package dev.pulse.api.job;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.pulse.api.web.FieldReader;
import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.messages.ScheduleType;
import dev.pulse.contracts.schedule.InvalidScheduleException;
import dev.pulse.contracts.schedule.ScheduleCalculator;
import tools.jackson.databind.JsonNode;

/**
 * The schedule fields of a request (schedule_type, schedule_time, schedule_days, interval_minutes or
 * interval_hours, anchor_at, cron_expression, timezone), as jobs and previews share them.
 */
final class ScheduleReader {

    /** The original's default run time of daily and weekly schedules. */
    static final LocalTime DEFAULT_TIME = LocalTime.of(8, 0);
    private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private ScheduleReader() {
    }

    /**
     * Reads a schedule; absent fields fall back to {@code current} (null on create), even across a change
     * of type (daily to weekly keeps the time); a daily or weekly schedule with no time runs at 08:00, as in
     * the original; fields the type does not use are dropped. Returns null after
     * recording errors in {@code fields} if the schedule is invalid.
     */
    static Schedule read(FieldReader fields, Schedule current, Instant now, ScheduleCalculator calculator) {
        ScheduleType type = type(fields, current);
        ZoneId zone = zone(fields, current);
        if (type == null || zone == null) {
            return null;
        }
        boolean hasCurrent = current != null;
        LocalTime time = fields.has("schedule_time") ? time(fields) : hasCurrent ? current.time() : null;
        List<DayOfWeek> days = fields.has("schedule_days") ? days(fields) : hasCurrent ? current.days() : List.of();
        Long interval = fields.has("interval_minutes") || fields.has("interval_hours") ? interval(fields)
                : hasCurrent ? current.intervalSeconds() : null;
        Instant anchor = fields.has("anchor_at") ? fields.instant("anchor_at") : hasCurrent ? current.anchor() : null;
        String cron = fields.has("cron_expression") ? fields.string("cron_expression") : hasCurrent ? current.cron() : null;
        if (!fields.valid()) {
            return null;
        }
        Schedule schedule = switch (type) {
            case DAILY -> Schedule.daily(time == null ? DEFAULT_TIME : time, zone);
            case WEEKLY -> Schedule.weekly(days, time == null ? DEFAULT_TIME : time, zone);
            case CUSTOM -> Schedule.every(interval == null ? 0 : interval,
                    anchor == null ? now.truncatedTo(ChronoUnit.SECONDS) : anchor, zone);
            case CRON -> Schedule.cron(cron, zone);
        };
        try {
            calculator.validate(schedule);
            return schedule;
        } catch (InvalidScheduleException e) {
            fields.error(e.field(), e.getMessage());
            return null;
        }
    }

    private static ScheduleType type(FieldReader fields, Schedule current) {
        String text = fields.string("schedule_type");
        if (text == null) {
            if (current == null) {
                fields.require("schedule_type", null);
                return null;
            }
            return current.type();
        }
        try {
            return ScheduleType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fields.error("schedule_type", "must be daily, weekly, custom or cron");
            return null;
        }
    }

    private static ZoneId zone(FieldReader fields, Schedule current) {
        String text = fields.string("timezone");
        if (text == null) {
            return current != null ? current.timezone() : ZoneId.of("UTC");
        }
        if (!ZONES.contains(text)) {
            fields.error("timezone", "must be an IANA time zone such as America/New_York or UTC");
            return null;
        }
        return ZoneId.of(text);
    }

    private static LocalTime time(FieldReader fields) {
        String text = fields.string("schedule_time");
        if (text == null) {
            return null;
        }
        if (!HH_MM.matcher(text).matches()) {
            fields.error("schedule_time", "must be HH:MM, 00:00 to 23:59");
            return null;
        }
        return LocalTime.parse(text);
    }

    private static List<DayOfWeek> days(FieldReader fields) {
        List<JsonNode> elements = fields.array("schedule_days");
        if (elements == null) {
            return List.of();
        }
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (JsonNode element : elements) {
            try {
                days.add(DayOfWeek.valueOf(element.asString("").toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                fields.error("schedule_days", "must name days monday to sunday; '" + element.asString(element.toString()) + "' is not one");
            }
        }
        return new ArrayList<>(days);
    }

    private static Long interval(FieldReader fields) {
        Integer minutes = fields.integer("interval_minutes", 1, 525_600);
        Integer hours = fields.integer("interval_hours", 1, 8_760);
        if (minutes != null && hours != null) {
            fields.error("interval_minutes", "give interval_minutes or interval_hours, not both");
            return null;
        }
        if (minutes != null) {
            return minutes * 60L;
        }
        return hours == null ? null : hours * 3600L;
    }
}
