package dev.pulse.send.delivery;

import java.util.concurrent.locks.LockSupport;

/** Messages per second for the whole instance, evenly spaced; no limit at 0. */
final class RateLimiter {

    private final long intervalNanos;
    private long next = System.nanoTime();

    RateLimiter(double perSecond) {
        this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
    }

    void acquire() {
        if (intervalNanos == 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            if (next < now) {
                next = now;
            }
            wait = next - now;
            next += intervalNanos;
        }
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
