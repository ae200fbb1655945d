package dev.pulse.ticker.firing;

import java.nio.ByteBuffer;

/**
 * What the ticker holds per job version: the version, and the snapshot as it came off the jobs topic
 * (or that the job was deleted). It changes only when the job does; the job's next instant lives in a
 * store of its own, so firing rewrites eight bytes rather than the snapshot.
 */
record JobState(long version, boolean deleted, byte[] snapshot) {

    static JobState deleted(long version) {
        return new JobState(version, true, new byte[0]);
    }

    byte[] toBytes() {
        return ByteBuffer.allocate(9 + snapshot.length).putLong(version).put((byte) (deleted ? 1 : 0)).put(snapshot).array();
    }

    static JobState fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long version = buffer.getLong();
        boolean deleted = buffer.get() == 1;
        byte[] snapshot = new byte[buffer.remaining()];
        buffer.get(snapshot);
        return new JobState(version, deleted, snapshot);
    }
}
