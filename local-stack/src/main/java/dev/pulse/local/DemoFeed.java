package dev.pulse.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo workspace's feed: RSS 2.0 at {@code /feed.xml}, 20 items an hour apart ending at the current
 * hour, so a run at any time finds all of them within a days_back of 1 (the oldest is under 20 hours old).
 * With the demo workspace's 100 subscribers it is the "one feed, 20 items, 100 subscribers" job.
 */
final class DemoFeed implements AutoCloseable {

    static final String PATH = "/feed.xml";
    private static final String[] TOPICS = {"Kafka consumer groups, explained", "Why exactly-once needs idempotent consumers",
            "Scheduling with time zones and DST", "Outbox pattern in practice", "Reading feeds without getting burned",
            "Backoff that does not stampede", "Email deliverability basics", "One-click unsubscribe (RFC 8058)",
            "Dead-letter topics and replay", "Measuring consumer lag", "PostgreSQL SKIP LOCKED queues",
            "Designing stage runtimes", "Idempotency keys for HTTP APIs", "Kafka Streams punctuators and wall-clock time",
            "Transactional outbox vs. change data capture", "Rate limiting outbound SMTP", "Conditional GET with ETag and Last-Modified",
            "Ranking and deduplicating news items", "Graceful shutdown of consumers", "Testing with a real broker, not a mock"};
    static final int ITEMS = TOPICS.length;

    private final HttpServer server;

    private DemoFeed(HttpServer server) {
        this.server = server;
    }

    static DemoFeed start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext(PATH, DemoFeed::serve);
        server.start();
        return new DemoFeed(server);
    }

    private static void serve(HttpExchange exchange) throws IOException {
        byte[] body = rss(Instant.now().truncatedTo(ChronoUnit.HOURS)).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String rss(Instant newest) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Pulse demo feed</title><link>http://localhost/</link><description>Served by ./pulse up</description>");
        for (int i = 0; i < TOPICS.length; i++) {
            Instant published = newest.minus(Duration.ofHours(i));
            String slug = TOPICS[i].toLowerCase().replaceAll("[^a-z0-9]+", "-");
            xml.append("<item><title>").append(TOPICS[i]).append("</title><link>https://demo.pulse.local/posts/")
                    .append(slug).append("</link><guid isPermaLink=\"false\">demo-").append(slug).append("</guid><pubDate>")
                    .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(published.atOffset(ZoneOffset.UTC)))
                    .append("</pubDate><description>A demo article about ").append(TOPICS[i].toLowerCase())
                    .append(". It exists so a local run has something to scrape.</description></item>");
        }
        return xml.append("</channel></rss>").toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
