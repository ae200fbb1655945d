package dev.pulse.contracts.messages;

/** How a job's instants are defined. */
public enum ScheduleType {
    /** Every day at {@code time}. */
    DAILY,
    /** On each of {@code days} at {@code time}. */
    WEEKLY,
    /** Every {@code interval_seconds}, counted from {@code anchor} in absolute time. */
    CUSTOM,
    /** A 5-field crontab expression. */
    CRON
}
