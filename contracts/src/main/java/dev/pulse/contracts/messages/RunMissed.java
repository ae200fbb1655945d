package dev.pulse.contracts.messages;

import java.time.Instant;
import java.util.Objects;

/**
 * A scheduled instant that passed while no ticker ran and is now beyond the job's misfire grace: it is
 * not run, but recorded, so a missed newsletter is never silent.
 */
public record RunMissed(Envelope envelope, Instant scheduledFor, Instant nextScheduledFor, long graceSeconds)
        implements PulseMessage {

    public RunMissed {
        Execution.require(envelope);
        Objects.requireNonNull(scheduledFor, "scheduled_for");
    }
}
