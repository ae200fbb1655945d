package dev.pulse.stage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.PulseMessage;

/**
 * One input as a stage's handler sees it: the message (a JobDue or the previous stage's event), the
 * stage, and which delivery of it this is ({@code attempt} counts from 1 within one consumer; a
 * redelivery after a restart starts again at 1, so never use it as an idempotency key).
 */
public record StageInput(Action stage, PulseMessage message, int attempt) {

    public Envelope envelope() {
        return message.envelope();
    }

    public UUID executionId() {
        return message.envelope().executionId();
    }

    /**
     * The envelope of this stage's event: the same execution and context, occurring at
     * {@code occurredAt}, with a message id derived from the input's message id and the stage — so a
     * redelivered input yields an event with the same id, and a replay (a new input) a new one.
     */
    public Envelope reply(Instant occurredAt) {
        return reply(occurredAt, null);
    }

    /** Like {@link #reply(Instant)}, for another message about this input (its ActionFailed): another derived id. */
    Envelope reply(Instant occurredAt, String about) {
        Envelope in = message.envelope();
        String purpose = about == null ? stage.name() : stage.name() + "/" + about;
        return new Envelope(derivedId(in.messageId(), purpose), Envelope.SCHEMA_VERSION, occurredAt, in.jobId(),
                in.workspaceId(), in.executionId(), in.trigger(), in.replayOf(), in.testMode(), in.plan(), in.config());
    }

    static UUID derivedId(UUID from, String purpose) {
        return UUID.nameUUIDFromBytes((from + "/" + purpose).getBytes(StandardCharsets.UTF_8));
    }
}
