package dev.pulse.api.tracker;

import java.time.Instant;
import java.util.UUID;

/**
 * What one stage of one execution has reported: its latest result, its latest failure, and its latest
 * input. "Latest" is by message time, then message id, so the order events arrive in never matters.
 */
public record StageFacts(StageResult result, StageFailure failure, TopicRecord input) {

    static final StageFacts NONE = new StageFacts(null, null, null);

    StageFacts withResult(StageResult candidate) {
        return later(result == null ? null : result.at(), result == null ? null : result.messageId(),
                candidate.at(), candidate.messageId()) ? new StageFacts(candidate, failure, input) : this;
    }

    StageFacts withFailure(StageFailure candidate) {
        return later(failure == null ? null : failure.at(), failure == null ? null : failure.messageId(),
                candidate.at(), candidate.messageId()) ? new StageFacts(result, candidate, input) : this;
    }

    StageFacts withInput(TopicRecord candidate) {
        boolean later = input == null || candidate.at().isAfter(input.at())
                || candidate.at().equals(input.at()) && candidate.offset() > input.offset();
        return later ? new StageFacts(result, failure, candidate) : this;
    }

    /** The stage's last word was a failure: none of its results came after it. */
    boolean failedLast() {
        return failure != null && (result == null || result.at().isBefore(failure.at()));
    }

    boolean succeededLast() {
        return result != null && !failedLast();
    }

    private static boolean later(Instant currentAt, UUID currentId, Instant at, UUID id) {
        if (currentAt == null) {
            return true;
        }
        int byTime = at.compareTo(currentAt);
        return byTime > 0 || byTime == 0 && id.compareTo(currentId) > 0;
    }
}
