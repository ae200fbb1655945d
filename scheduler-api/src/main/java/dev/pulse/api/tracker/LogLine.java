package dev.pulse.api.tracker;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of an execution's log. {@code key} is the message it came from (or the replay request), so
 * the same event folded twice writes its line once; lines are kept in (at, key) order.
 */
public record LogLine(Instant at, String message, UUID key) implements Comparable<LogLine> {

    @Override
    public int compareTo(LogLine other) {
        int byTime = at.compareTo(other.at);
        return byTime != 0 ? byTime : key.compareTo(other.key);
    }
}
