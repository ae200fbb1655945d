package dev.pulse.contracts.schedule;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

import com.cronutils.model.time.ExecutionTime;

/**
 * A crontab expression read as wall-clock times. cron-utils evaluates it in UTC, where no wall time is
 * missing or repeated, so time-zone transitions are handled by the caller alone.
 */
record CronRule(ExecutionTime executionTime) implements WallClockRule {

    @Override
    public LocalDateTime nextAfter(LocalDateTime after) {
        return firstAfter(after).orElseThrow(() -> new InvalidScheduleException("cron_expression",
                "the cron expression names no time after " + after));
    }

    Optional<LocalDateTime> firstAfter(LocalDateTime after) {
        return executionTime.nextExecution(after.atZone(ZoneOffset.UTC)).map(ZonedDateTime::toLocalDateTime);
    }
}
