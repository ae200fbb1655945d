package dev.pulse.api.replay;

/** Why an execution is not replayed now (not failed, already replaying, parked, its input gone). */
final class ReplayRefusedException extends RuntimeException {

    ReplayRefusedException(String reason) {
        super(reason);
    }
}
