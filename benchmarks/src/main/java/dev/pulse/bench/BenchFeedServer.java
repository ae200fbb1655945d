package dev.pulse.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The feeds both systems read: documents made before the clock starts, served from memory on every
 * loopback address (so 200 feeds can live on 50 hosts, as on the web), each request counted by path.
 */
final class BenchFeedServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    BenchFeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 1024);
        server.setExecutor(threads);
        server.createContext("/", this::serve);
        server.start();
    }

    void put(String path, byte[] document) {
        documents.put(path, document);
    }

    /** The URL of {@code path} on loopback host 127.0.0.{@code host} (1–254). */
    URI url(int host, String path) {
        return URI.create("http://127.0.0." + host + ":" + server.getAddress().getPort() + path);
    }

    int size(String path) {
        return documents.get(path).length;
    }

    int hits(String path) {
        AtomicInteger n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        byte[] body = documents.get(path);
        try (exchange) {
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
