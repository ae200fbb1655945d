package dev.pulse.scrape.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What every fetch of this instance to one host shares: a limit on concurrent requests, and the
 * time until which the host asked to be left alone (a 429 or 503 with Retry-After).
 */
final class HostGate {

    private final int perHost;
    private final Clock clock;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final Map<String, Instant> heldUntil = new ConcurrentHashMap<>();

    HostGate(int perHost, Clock clock) {
        this.perHost = perHost;
        this.clock = clock;
    }

    /** Waits for one of the host's slots, at most {@code patience}; false if none came free. */
    boolean enter(String host, Duration patience) throws InterruptedException {
        return permits.computeIfAbsent(host, h -> new Semaphore(perHost, true))
                .tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    void leave(String host) {
        permits.get(host).release();
    }

    /** The host's own Retry-After, if it is still in force. */
    Instant heldUntil(String host) {
        Instant until = heldUntil.get(host);
        if (until != null && !until.isAfter(clock.instant())) {
            heldUntil.remove(host, until);
            return null;
        }
        return until;
    }

    void hold(String host, Instant until) {
        heldUntil.merge(host, until, (a, b) -> a.isAfter(b) ? a : b);
    }
}
