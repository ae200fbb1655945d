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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A feed's dates, read the way feedparser would: RFC 822 (with or without day name, seconds, a
 * four-digit year; numeric offsets or zone names), ISO 8601 / W3C-DTF (with a T or a space; without a
 * zone taken as UTC), a bare date. Null if none fits. The common forms are tried first.
 */
final class FeedDates {

    private static final List<DateTimeFormatter> ZONED = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            pattern("yyyy-MM-dd HH:mm[:ss][.SSS]XXX"),
            pattern("[EEE, ]d MMM yyyy HH:mm[:ss] z"),
            pattern("[EEE, ]d MMM yyyy HH:mm[:ss] Z"));
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE_TIME,
            pattern("yyyy-MM-dd HH:mm[:ss][.SSS]"),
            pattern("[EEE, ]d MMM yyyy HH:mm[:ss]"));

    private static final Pattern ISO_LIKE = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?) ?((?i:Z|UTC|GMT)|[+-]\\d{2}:?\\d{2})?(?: [A-Za-z]{2,5})?");
    /** A trailing comment, as in {@code Tue, 01 Dec 2026 08:00:00 +0000 (UTC)}. */
    private static final Pattern COMMENT = Pattern.compile(" ?\\([^)]*\\)$");

    private FeedDates() {
    }

    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Instant common = Rfc822.parse(text.strip());
        if (common != null) {
            return common;
        }
        String value = COMMENT.matcher(text.strip().replaceAll("\\s+", " ")).replaceFirst("");
        if (!value.equals(text.strip())) {
            Instant withoutComment = Rfc822.parse(value);
            if (withoutComment != null) {
                return withoutComment;
            }
        }
        Instant isoLike = isoLike(value);
        if (isoLike != null) {
            return isoLike;
        }
        for (DateTimeFormatter format : ZONED) {
            try {
                return withCentury(ZonedDateTime.parse(value, format)).toInstant();
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

    /**
     * ISO 8601 as programs print it rather than as the standard spells it: a space before the time or
     * the offset, any number of fraction digits, {@code +0000}, a zone name after the offset or instead
     * of it (Ruby's {@code 2026-12-01 08:00:00 +0000}, Go's {@code … +0000 UTC}, Rails' {@code … UTC}).
     */
    private static Instant isoLike(String value) {
        Matcher m = ISO_LIKE.matcher(value);
        if (!m.matches()) {
            return null;
        }
        String time = m.group(2).length() == 5 ? m.group(2) + ":00" : m.group(2);
        String zone = m.group(3) == null || m.group(3).matches("(?i)Z|UTC|GMT") ? "Z"
                : m.group(3).length() == 5 ? m.group(3).substring(0, 3) + ":" + m.group(3).substring(3) : m.group(3);
        try {
            return OffsetDateTime.parse(m.group(1) + "T" + time + zone).toInstant();
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /** RFC 822 allowed two-digit years, which the four-digit patterns read as the first century. */
    private static ZonedDateTime withCentury(ZonedDateTime date) {
        int year = date.getYear();
        return year >= 100 ? date : date.plusYears(year >= 70 ? 1900 : 2000);
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0).toFormatter(Locale.ENGLISH);
    }
}
