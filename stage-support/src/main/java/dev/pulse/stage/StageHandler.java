package dev.pulse.stage;

import dev.pulse.contracts.messages.PulseMessage;

/**
 * A stage's work on one input: a JobDue (when the plan starts with the stage) or the previous stage's
 * event. It returns the stage's own event, which the runtime publishes; the input counts as done only
 * once that event is acknowledged by the broker.
 *
 * <p>The contract that makes at-least-once delivery safe: <b>the same input must give the same event
 * and no second side effect.</b> An input is redelivered after a crash, a rebalance or a retry, so look
 * up what was already done for ({@code input.executionId()}, {@code input.stage()}) first, keep it
 * (rows with a unique key on the execution id), and build the event from what is kept, with
 * {@link StageInput#reply} (whose message id is derived from the input's). A replay is a new input
 * ({@code trigger} REPLAY, {@code replay_of} set) and may act again.
 *
 * <p>Throw {@link PermanentStageFailure} for what no retry can fix (the input goes to the dead-letter
 * topic and one ActionFailed is emitted); any other exception is transient and retried with backoff.
 */
@FunctionalInterface
public interface StageHandler {

    PulseMessage handle(StageInput input);
}
