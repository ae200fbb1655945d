package dev.pulse.ticker.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Stream-thread failures in a sliding window. A failed thread is replaced, which heals a passing fault
 * (a broker restart); but a thread that fails again as soon as it is replaced leaves its partitions
 * standing still while the instance looks alive. More than {@code tolerated} failures within
 * {@code window} count as that, until they age out of the window. Thread-safe: stream threads record,
 * health reads.
 */
final class ThreadFailures {

    /** What health reports: failures within the window, whether they are too many, and the latest one. */
    record Recent(int count, boolean tooMany, int tolerated, Duration window, String lastError, Instant lastAt) {
    }

    private static final int LONGEST_DESCRIPTION = 500;

    private final int tolerated;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> failures = new ArrayDeque<>();
    private String lastError;
    private Instant lastAt;

    ThreadFailures(int tolerated, Duration window, Clock clock) {
        this.tolerated = tolerated;
        this.window = window;
        this.clock = clock;
    }

    /** Records a failure now; returns the failures within the window, this one included. */
    synchronized int record(Throwable failure) {
        Instant now = clock.instant();
        forgetBefore(now);
        failures.addLast(now);
        lastError = describe(failure);
        lastAt = now;
        return failures.size();
    }

    synchronized Recent recent() {
        forgetBefore(clock.instant());
        return new Recent(failures.size(), failures.size() > tolerated, tolerated, window, lastError, lastAt);
    }

    private void forgetBefore(Instant now) {
        Instant oldestKept = now.minus(window);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldestKept)) {
            failures.removeFirst();
        }
    }

    /**
     * The innermost cause says what went wrong (Streams wraps it with the task and offset, which the
     * outer message names); both, cut short, since this goes into a health response.
     */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == failure ? failure.toString() : root + " (in " + failure.getClass().getSimpleName() + ": "
                + failure.getMessage() + ")";
        return text.length() <= LONGEST_DESCRIPTION ? text : text.substring(0, LONGEST_DESCRIPTION) + "...";
    }
}
