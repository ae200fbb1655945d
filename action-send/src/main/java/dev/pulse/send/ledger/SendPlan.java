package dev.pulse.send.ledger;

import java.time.Instant;
import java.util.UUID;

/**
 * A newsletter's send as it was fixed when it started: what is mailed, from whom, and how it came out
 * ({@code completedAt} and {@code outcome} null while it runs).
 */
public record SendPlan(UUID newsletterId, UUID executionId, UUID workspaceId, boolean testMode, String subject,
        String html, String text, String fromAddress, String fromName, String replyTo, Instant startedAt,
        Instant completedAt, SendOutcome outcome) {

    public boolean completed() {
        return outcome != null;
    }
}
