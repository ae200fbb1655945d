package dev.pulse.send.delivery;

import java.time.Duration;

/**
 * How an instance sends: {@code connections} in parallel, at most {@code ratePerSecond} messages a
 * second (0: no limit), and, when {@code capMessages} is positive, at most that many within any
 * {@code capWindow} across every instance. A recipient gets {@code maxAttempts} tries; after a 4xx the
 * next waits {@code retryBackoff} doubled per try, at most {@code maxRetryBackoff}. A claim holds
 * {@code batchSize} rows and lapses after {@code lease} if its instance dies.
 */
public record SendPolicy(int connections, double ratePerSecond, int capMessages, Duration capWindow, int maxAttempts,
        Duration retryBackoff, Duration maxRetryBackoff, int batchSize, Duration lease, Pacing pacing) {

    public SendPolicy {
        if (connections < 1 || batchSize < 1 || maxAttempts < 1 || ratePerSecond < 0) {
            throw new IllegalArgumentException("pulse.send: connections, batch-size and max-attempts are at least 1, rate at least 0");
        }
    }

    /** The wait before try {@code attempt + 1}, after a 4xx on try {@code attempt}. */
    Duration backoff(int attempt) {
        long millis = retryBackoff.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, maxRetryBackoff.toMillis()));
    }

    /**
     * Slowing down towards a domain that answers 4xx: the gap between its messages starts at
     * {@code first}, doubles with each 4xx up to {@code max}, and halves with each success. A message
     * that would wait longer than {@code hold} goes back to the ledger for later instead.
     */
    public record Pacing(Duration first, Duration max, Duration hold) {
    }
}
