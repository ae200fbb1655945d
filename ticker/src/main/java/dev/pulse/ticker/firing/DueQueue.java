package dev.pulse.ticker.firing;

import java.util.Arrays;
import java.util.UUID;

/**
 * The jobs of one partition by next instant, earliest first: a binary heap of (instant, job id) in three
 * primitive arrays, 24 bytes a job, so that finding what is due costs no store access at all. It is
 * derived from the next-instants store and rebuilt from it whenever a task starts, so it needs no
 * changelog. Rescheduling a job leaves its old entry behind; the processor drops entries that no
 * longer match the store when they come up.
 */
final class DueQueue {

    record Entry(long instant, UUID job) {
    }

    private long[] instants = new long[64];
    private long[] highBits = new long[64];
    private long[] lowBits = new long[64];
    private int size;

    void add(long instant, UUID job) {
        if (size == instants.length) {
            int capacity = size + (size >> 1);
            instants = Arrays.copyOf(instants, capacity);
            highBits = Arrays.copyOf(highBits, capacity);
            lowBits = Arrays.copyOf(lowBits, capacity);
        }
        int child = size++;
        set(child, instant, job.getMostSignificantBits(), job.getLeastSignificantBits());
        while (child > 0) {
            int parent = (child - 1) >>> 1;
            if (instants[parent] <= instants[child]) {
                break;
            }
            swap(parent, child);
            child = parent;
        }
    }

    /** Whether the earliest entry's instant is at or before {@code now} (epoch milliseconds). */
    boolean hasDue(long now) {
        return size > 0 && instants[0] <= now;
    }

    Entry poll() {
        if (size == 0) {
            throw new IllegalStateException("the queue is empty");
        }
        Entry earliest = new Entry(instants[0], new UUID(highBits[0], lowBits[0]));
        size--;
        set(0, instants[size], highBits[size], lowBits[size]);
        int parent = 0;
        while (true) {
            int child = 2 * parent + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && instants[child + 1] < instants[child]) {
                child++;
            }
            if (instants[parent] <= instants[child]) {
                break;
            }
            swap(parent, child);
            parent = child;
        }
        return earliest;
    }

    /** How many entries are due at {@code now}: visits only those entries and their children. */
    int countDue(long now) {
        return countDue(0, now);
    }

    private int countDue(int index, long now) {
        if (index >= size || instants[index] > now) {
            return 0;
        }
        return 1 + countDue(2 * index + 1, now) + countDue(2 * index + 2, now);
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    private void set(int index, long instant, long high, long low) {
        instants[index] = instant;
        highBits[index] = high;
        lowBits[index] = low;
    }

    private void swap(int a, int b) {
        long instant = instants[a];
        long high = highBits[a];
        long low = lowBits[a];
        set(a, instants[b], highBits[b], lowBits[b]);
        set(b, instant, high, low);
    }
}
