package dev.pulse.scrape.parse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The one date form most feeds use, read by hand because it is read for every item:
 * {@code [Tue, ]01 Dec 2026 08:00[:00] GMT|UT|UTC|Z|+0100}. Anything else is null, for
 * {@link FeedDates}' general formatters.
 */
final class Rfc822 {

    private static final String MONTHS = "janfebmaraprmayjunjulaugsepoctnovdec";

    private Rfc822() {
    }

    static Instant parse(String text) {
        int comma = text.indexOf(',');
        int i = comma >= 0 && comma <= 9 ? comma + 1 : 0;
        String[] parts = words(text, i);
        if (parts == null || parts[2].length() != 4 && parts[2].length() != 2) {
            return null;
        }
        try {
            int day = Integer.parseInt(parts[0]);
            int at = parts[1].length() == 3 ? MONTHS.indexOf(parts[1].toLowerCase(java.util.Locale.ROOT)) : -1;
            int month = at >= 0 && at % 3 == 0 ? at / 3 + 1 : 0;
            int year = Integer.parseInt(parts[2]);
            if (parts[2].length() == 2) {
                year += year >= 70 ? 1900 : 2000; // RFC 822's two-digit years
            }
            String clock = parts[3];
            String[] time = clock.length() == 8 ? new String[] {clock.substring(0, 2), clock.substring(3, 5), clock.substring(6)}
                    : clock.length() == 5 ? new String[] {clock.substring(0, 2), clock.substring(3)} : new String[0];
            if (time.length > 0 && (clock.charAt(2) != ':' || clock.length() == 8 && clock.charAt(5) != ':')) {
                return null;
            }
            if (month < 1 || time.length < 2 || time.length > 3) {
                return null;
            }
            ZoneOffset offset = offset(parts[4]);
            if (offset == null) {
                return null;
            }
            LocalDateTime local = LocalDateTime.of(year, month, day, Integer.parseInt(time[0]), Integer.parseInt(time[1]),
                    time.length == 3 ? Integer.parseInt(time[2]) : 0);
            return local.toInstant(offset);
        } catch (RuntimeException notThisForm) {
            return null;
        }
    }

    /** Exactly five space-separated words from {@code from} on, or null. */
    private static String[] words(String text, int from) {
        String[] words = new String[5];
        int count = 0;
        int i = from;
        int n = text.length();
        while (i < n) {
            while (i < n && text.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < n && text.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                if (count == 5) {
                    return null;
                }
                words[count++] = text.substring(start, i);
            }
        }
        return count == 5 ? words : null;
    }

    private static ZoneOffset offset(String zone) {
        switch (zone.toUpperCase(java.util.Locale.ROOT)) {
            case "GMT", "UT", "UTC", "Z":
                return ZoneOffset.UTC;
            // RFC 822's own zones are fixed offsets: EST is always -5, whatever the season
            case "EST", "CDT":
                return ZoneOffset.ofHours(-5);
            case "EDT":
                return ZoneOffset.ofHours(-4);
            case "CST", "MDT":
                return ZoneOffset.ofHours(-6);
            case "MST", "PDT":
                return ZoneOffset.ofHours(-7);
            case "PST":
                return ZoneOffset.ofHours(-8);
            case "CET":
                return ZoneOffset.ofHours(1);
            case "CEST", "EET":
                return ZoneOffset.ofHours(2);
            case "EEST":
                return ZoneOffset.ofHours(3);
            case "JST":
                return ZoneOffset.ofHours(9);
            default:
                if (zone.length() == 5 && (zone.charAt(0) == '+' || zone.charAt(0) == '-')) {
                    int hours = Integer.parseInt(zone.substring(1, 3));
                    int minutes = Integer.parseInt(zone.substring(3, 5));
                    int sign = zone.charAt(0) == '-' ? -1 : 1;
                    return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
                }
                return null;
        }
    }
}
