package dev.pulse.api.tracker;

import java.time.Instant;

/**
 * Where one record is on the topics: the input a stage read (so a replay can read it back), or its
 * dead letter. {@code at} is the record's message time, which orders two inputs of one stage.
 */
public record TopicRecord(String topic, int partition, long offset, Instant at) {
}
