package dev.pulse.api.tracker;

import java.time.Instant;

import dev.pulse.contracts.messages.Action;

/**
 * The operator's side of an execution: how many replays were asked for, which stage one is running
 * at (until that stage's replayed input reports), and whether the loop guard parked it.
 */
public record ReplayState(int count, Action pending, Instant requestedAt, Instant parkedAt) {

    static final ReplayState NONE = new ReplayState(0, null, null, null);

    public ReplayState requested(Action stage, Instant at) {
        return new ReplayState(count + 1, stage, at, parkedAt);
    }

    public ReplayState parked(Instant at) {
        return new ReplayState(count, null, requestedAt, at);
    }

    ReplayState settled() {
        return new ReplayState(count, null, requestedAt, parkedAt);
    }
}
