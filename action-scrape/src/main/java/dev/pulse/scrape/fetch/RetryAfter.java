package dev.pulse.scrape.fetch;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The Retry-After header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date, capped so no server parks a feed for good. */
final class RetryAfter {

    private RetryAfter() {
    }

    static Instant parse(String header, Instant now, Duration cap) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        Instant until;
        try {
            // clamped before adding: a value near Long.MAX_VALUE would overflow the instant
            until = now.plusSeconds(Math.min(Math.max(0, Long.parseLong(value)), cap.toSeconds() + 1));
        } catch (NumberFormatException notSeconds) {
            try {
                until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        Instant latest = now.plus(cap);
        return until.isAfter(latest) ? latest : until;
    }
}
