package dev.pulse.scrape.parse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * The dates ROME gives up on, read the way feedparser would: ISO 8601 with a space or without a zone
 * (taken as UTC), RFC 822 without day name, seconds or a four-digit year. Null if none fits.
 */
final class FeedDates {

    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            pattern("yyyy-MM-dd HH:mm[:ss][.SSS]XXX"),
            pattern("[EEE, ]d MMM yyyy HH:mm[:ss] z"),
            pattern("[EEE, ]d MMM yyyy HH:mm[:ss] Z"),
            pattern("[EEE, ]d MMM yy HH:mm[:ss] z"),
            pattern("[EEE, ]d MMM yy HH:mm[:ss] Z"));
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            pattern("yyyy-MM-dd HH:mm[:ss][.SSS]"),
            pattern("[EEE, ]d MMM yyyy HH:mm[:ss]"));

    private FeedDates() {
    }

    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip().replaceAll("\\s+", " ");
        for (DateTimeFormatter format : ZONED) {
            try {
                return ZonedDateTime.parse(value, format).toInstant();
            } catch (DateTimeParseException next) {
                // try the next form
            }
        }
        for (DateTimeFormatter format : LOCAL) {
            try {
                return LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException next) {
                // try the next form
            }
        }
        try {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException none) {
            try {
                return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
            } catch (DateTimeParseException stillNone) {
                return null;
            }
        }
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0).toFormatter(Locale.ENGLISH);
    }
}
