package dev.pulse.scrape.fetch;

import java.time.Duration;
import java.util.List;

/**
 * How the fetcher talks to the web. {@code maxBodyBytes} is counted after decompression;
 * {@code maxRetryAfter} caps how long a server's Retry-After can hold a host.
 */
public record FetchSettings(
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        long maxBodyBytes,
        int maxRedirects,
        int perHostConcurrency,
        int maxConnections,
        Duration maxRetryAfter,
        List<String> allowedNetworks) {
}
