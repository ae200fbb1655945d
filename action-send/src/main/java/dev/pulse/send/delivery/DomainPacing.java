package dev.pulse.send.delivery;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gap kept between messages to a recipient domain that answered 4xx ("try later", "slow down").
 * Domains that never did cost one map lookup per message.
 */
final class DomainPacing {

    private final SendPolicy.Pacing policy;
    private final Map<String, Pace> paces = new ConcurrentHashMap<>();

    DomainPacing(SendPolicy.Pacing policy) {
        this.policy = policy;
    }

    /** How long the next message to {@code domain} must wait; the slot is taken. */
    Duration reserve(String domain) {
        Pace pace = paces.get(key(domain));
        if (pace == null) {
            return Duration.ZERO;
        }
        synchronized (pace) {
            long now = System.nanoTime();
            long at = Math.max(now, pace.next);
            pace.next = at + pace.gapNanos;
            return Duration.ofNanos(at - now);
        }
    }

    void deferred(String domain) {
        paces.compute(key(domain), (key, pace) -> {
            Pace slower = pace == null ? new Pace() : pace;
            slower.gapNanos = Math.min(Math.max(slower.gapNanos * 2, policy.first().toNanos()), policy.max().toNanos());
            return slower;
        });
    }

    void accepted(String domain) {
        paces.computeIfPresent(key(domain), (key, pace) -> {
            pace.gapNanos /= 2;
            return pace.gapNanos < policy.first().toNanos() / 4 ? null : pace;
        });
    }

    static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1);
    }

    private static String key(String domain) {
        return domain.toLowerCase(Locale.ROOT);
    }

    private static final class Pace {
        long gapNanos;
        long next = System.nanoTime();
    }
}
