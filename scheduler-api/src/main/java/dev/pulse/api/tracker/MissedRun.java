package dev.pulse.api.tracker;

import java.time.Instant;

/** The ticker recorded the instant as missed: it passed beyond the job's misfire grace while no ticker ran. */
public record MissedRun(Instant scheduledFor, long graceSeconds, Instant at) {
}
