package dev.pulse.send.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of action-send; the defaults live in application.yml only. Where the mail server is
 * and how to log in to it are Spring's own {@code spring.mail.*}.
 */
@ConfigurationProperties("pulse.send")
record SendProperties(Sender sender, Unsubscribe unsubscribe, String messageIdDomain, String listIdDomain,
        Timeouts timeouts, int connections, double ratePerSecond, Cap cap, int maxAttempts, Duration retryBackoff,
        Duration maxRetryBackoff, int batchSize, Duration lease, Pacing pacing, Duration poll, Duration ownerAlive) {

    /** The From of workspaces that set none. */
    record Sender(String address, String name) {
    }

    /** The API's public address (for the one-click link), the token secret it shares, and an optional mailbox. */
    record Unsubscribe(String apiBaseUrl, String secret, String mailto) {
    }

    record Timeouts(Duration connect, Duration read, Duration write) {
    }

    /** At most {@code messages} within any {@code window}, across every instance; 0 means no cap. */
    record Cap(int messages, Duration window) {
    }

    record Pacing(Duration first, Duration max, Duration hold) {
    }
}
