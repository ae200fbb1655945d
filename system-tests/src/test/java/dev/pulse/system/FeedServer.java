package dev.pulse.system;

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
 * Feeds on a real local HTTP server: {@code /feeds/<name>.xml} is an RSS 2.0 feed of five fresh items
 * unique to that name (so each test's workspace has content of its own), {@code /broken.xml} answers 500.
 */
final class FeedServer implements AutoCloseable {

    private final HttpServer server;

    private FeedServer(HttpServer server) {
        this.server = server;
    }

    static FeedServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feeds/", FeedServer::feed);
        server.createContext("/broken.xml", exchange -> reply(exchange, 500, "text/plain", "upstream exploded"));
        server.start();
        return new FeedServer(server);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void feed(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().replaceAll(".*/", "").replace(".xml", "");
        Instant newest = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>")
                .append(name).append("</title><link>https://").append(name).append(".example/</link><description>test</description>");
        for (int i = 0; i < 5; i++) {
            xml.append("<item><title>").append(name).append(" story ").append(i).append("</title><link>https://").append(name)
                    .append(".example/story-").append(i).append("</link><guid>").append(name).append("-").append(i)
                    .append("</guid><pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            newest.minus(Duration.ofHours(i)).atOffset(ZoneOffset.UTC)))
                    .append("</pubDate><description>What happened in ").append(name).append(", part ").append(i)
                    .append(".</description></item>");
        }
        reply(exchange, 200, "application/rss+xml; charset=utf-8", xml.append("</channel></rss>").toString());
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
