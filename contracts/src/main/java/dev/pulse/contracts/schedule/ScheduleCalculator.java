package dev.pulse.contracts.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.messages.ScheduleType;

/**
 * When a schedule runs. Daily, weekly and cron schedules name local wall times in the schedule's zone:
 * a wall time that falls in a DST gap runs at the same offset after the gap (02:30 on spring-forward day
 * runs at 03:30), and one that happens twice runs once, at its first occurrence. Custom schedules run
 * every interval in absolute time from their anchor. Always ask for the next instant after the previous
 * scheduled one, not after a run finished. Thread-safe; share one instance.
 */
public final class ScheduleCalculator {

    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

    private final CronExpressions crons = new CronExpressions();

    /** Checks that {@code schedule} can run, naming the offending field if not. */
    public void validate(Schedule schedule) {
        if (schedule.type() == ScheduleType.CUSTOM) {
            interval(schedule);
        } else {
            wallClockRule(schedule);
        }
    }

    /**
     * The first instant strictly after {@code after} at which {@code schedule} runs; an
     * {@link InvalidScheduleException} if the schedule cannot run (which {@link #validate} reports first).
     */
    public Instant next(Schedule schedule, Instant after) {
        if (schedule.type() == ScheduleType.CUSTOM) {
            return nextInterval(schedule, after);
        }
        return nextWallClock(wallClockRule(schedule), schedule.timezone(), after);
    }

    /** The next {@code count} instants strictly after {@code from}, in order. */
    public List<Instant> preview(Schedule schedule, Instant from, int count) {
        List<Instant> instants = new ArrayList<>(count);
        Instant previous = from;
        for (int i = 0; i < count; i++) {
            previous = next(schedule, previous);
            instants.add(previous);
        }
        return instants;
    }

    private static Instant nextWallClock(WallClockRule rule, ZoneId zone, Instant after) {
        LocalDateTime wall = LocalDateTime.ofInstant(after, zone);
        // A wall time maps to an instant at or before 'after' only around overlaps and gaps; a few more
        // wall times always get past them.
        for (int attempt = 0; attempt < 1_000; attempt++) {
            wall = rule.nextAfter(wall);
            Instant candidate = ZonedDateTime.ofLocal(wall, zone, null).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
        }
        throw new InvalidScheduleException("schedule", "the schedule names no run after " + after);
    }

    private static Instant nextInterval(Schedule schedule, Instant after) {
        Duration interval = interval(schedule);
        Instant anchor = schedule.anchor();
        if (after.isBefore(anchor)) {
            return anchor;
        }
        long periods = Duration.between(anchor, after).dividedBy(interval) + 1;
        return anchor.plus(interval.multipliedBy(periods));
    }

    private static Duration interval(Schedule schedule) {
        if (schedule.intervalSeconds() == null) {
            throw new InvalidScheduleException("interval_minutes", "interval_minutes or interval_hours is required for a custom schedule");
        }
        Duration interval = Duration.ofSeconds(schedule.intervalSeconds());
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new InvalidScheduleException("interval_minutes", "the interval is at least one minute");
        }
        if (schedule.anchor() == null) {
            throw new InvalidScheduleException("anchor_at", "a custom schedule needs an anchor instant");
        }
        return interval;
    }

    private WallClockRule wallClockRule(Schedule schedule) {
        return switch (schedule.type()) {
            case DAILY -> new DailyRule(requireTime(schedule));
            case WEEKLY -> {
                if (schedule.days().isEmpty()) {
                    throw new InvalidScheduleException("schedule_days", "a weekly schedule needs at least one day");
                }
                yield new WeeklyRule(EnumSet.copyOf(schedule.days()), requireTime(schedule));
            }
            case CRON -> crons.rule(schedule.cron());
            case CUSTOM -> throw new IllegalArgumentException("custom schedules are not wall-clock schedules");
        };
    }

    private static LocalTime requireTime(Schedule schedule) {
        if (schedule.time() == null) {
            throw new InvalidScheduleException("schedule_time", "schedule_time is required for a "
                    + schedule.type().name().toLowerCase(Locale.ROOT) + " schedule");
        }
        return schedule.time();
    }
}
