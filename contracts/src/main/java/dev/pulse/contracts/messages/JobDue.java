package dev.pulse.contracts.messages;

import java.time.Instant;
import java.util.Objects;

/**
 * An execution starts. {@code scheduledFor} is the nominal instant (for run-now and replay, the moment
 * it was asked for); {@code nextScheduledFor} is the job's following instant, absent when there is none
 * or the run was not scheduled, so the API can show next_run_at without recomputing it.
 */
public record JobDue(Envelope envelope, Instant scheduledFor, Instant nextScheduledFor) implements PulseMessage {

    public JobDue {
        Execution.require(envelope);
        Objects.requireNonNull(scheduledFor, "scheduled_for");
    }
}
