package dev.pulse.ticker.firing;

import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * What the ticker holds per job: the newest version seen, the job's latest snapshot (encoded, as it
 * came off the jobs topic) and its next instant, or that it was deleted. Stored as a small binary
 * header before the snapshot bytes, so firing a job decodes only what it must.
 */
record JobState(long version, boolean deleted, Instant next, byte[] snapshot) {

    private static final long NONE = Long.MIN_VALUE;

    static JobState deleted(long version) {
        return new JobState(version, true, null, new byte[0]);
    }

    JobState withNext(Instant instant) {
        return new JobState(version, deleted, instant, snapshot);
    }

    byte[] toBytes() {
        return ByteBuffer.allocate(17 + snapshot.length)
                .putLong(version)
                .put((byte) (deleted ? 1 : 0))
                .putLong(next == null ? NONE : next.toEpochMilli())
                .put(snapshot)
                .array();
    }

    static JobState fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long version = buffer.getLong();
        boolean deleted = buffer.get() == 1;
        long next = buffer.getLong();
        byte[] snapshot = new byte[buffer.remaining()];
        buffer.get(snapshot);
        return new JobState(version, deleted, next == NONE ? null : Instant.ofEpochMilli(next), snapshot);
    }
}
