package dev.pulse.contracts.schedule;

import java.time.LocalDateTime;

/**
 * A schedule read as local wall-clock times, ignoring time zones: daily, weekly and cron schedules are
 * all "these local times". Time-zone rules (gaps, overlaps) are applied afterwards, in one place.
 */
interface WallClockRule {

    /** The first wall time strictly after {@code after} that the schedule names. */
    LocalDateTime nextAfter(LocalDateTime after);
}
