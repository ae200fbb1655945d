package dev.pulse.send.ledger;

import java.util.UUID;

/**
 * One claimed row of the ledger: one message to send. {@code attempts} counts this one;
 * {@code subscriberId} is null for a test recipient.
 */
public record Delivery(UUID id, UUID subscriberId, String email, String messageId, int attempts) {
}
