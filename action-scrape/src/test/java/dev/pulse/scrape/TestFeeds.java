package dev.pulse.scrape;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** RSS 2.0 documents made to measure, dated relative to now so windows like days_back hold any day. */
public final class TestFeeds {

    private TestFeeds() {
    }

    /** {@code count} items named {@code <name> item <i>}, the first published at {@code newest}, one a minute before each next. */
    public static byte[] rss(String name, int count, Instant newest, int summaryLength) {
        StringBuilder xml = new StringBuilder(256 + count * (300 + summaryLength));
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>").append(name)
                .append("</title><link>https://").append(name).append(".example.org/</link>");
        String summary = "Lorem ipsum dolor sit amet. ".repeat(Math.max(1, summaryLength / 28));
        for (int i = 0; i < count; i++) {
            Instant published = newest.minus(Duration.ofMinutes(i));
            xml.append("<item><title>").append(name).append(" item ").append(i).append("</title><link>https://")
                    .append(name).append(".example.org/posts/").append(i).append("?utm_source=rss</link><guid isPermaLink=\"false\">")
                    .append(name).append('-').append(i).append("</guid><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(published.atOffset(ZoneOffset.UTC)))
                    .append("</pubDate><description>").append(summary).append("</description></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] rss(String name, int count) {
        return rss(name, count, Instant.now().minusSeconds(60), 100);
    }
}
