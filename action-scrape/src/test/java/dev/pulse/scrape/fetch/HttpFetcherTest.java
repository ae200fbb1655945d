package dev.pulse.scrape.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.pulse.scrape.FeedServer;

/** The fetcher against a real local HTTP server: every limit it promises, and the guard. */
class HttpFetcherTest {

    static final long TEN_MIB = 10L * 1024 * 1024;

    private final FeedServer server = new FeedServer();
    private final List<HttpFetcher> fetchers = new ArrayList<>();

    static FetchSettings settings(List<String> allowed, int perHost, Duration total) {
        return new FetchSettings("PulseTest/1", Duration.ofSeconds(2), Duration.ofSeconds(2), total, TEN_MIB, 5, perHost,
                64, Duration.ofHours(1), allowed);
    }

    private HttpFetcher fetcher(List<String> allowed, int perHost, Duration total) {
        HttpFetcher fetcher = HttpFetchers.create(settings(allowed, perHost, total), Clock.systemUTC());
        fetchers.add(fetcher);
        return fetcher;
    }

    private HttpFetcher loopbackAllowed() {
        return fetcher(List.of("127.0.0.1/32"), 4, Duration.ofSeconds(3));
    }

    private static void fetchTogether(HttpFetcher fetcher, URI url, int times) {
        List<CompletableFuture<FetchResponse>> all = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            all.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return fetcher.fetch(FetchRequest.of(url));
                } catch (FetchException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        all.forEach(CompletableFuture::join);
    }

    @AfterEach
    void close() throws IOException {
        for (HttpFetcher fetcher : fetchers) {
            fetcher.close();
        }
        server.close();
    }

    @Test
    void sendsItsUserAgentAndDecodesGzipAndDeflate() throws Exception {
        byte[] text = "<rss>hello</rss>".getBytes(StandardCharsets.UTF_8);
        server.route("/gzip", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            FeedServer.send(exchange, 200, "application/rss+xml", gzip(text));
        });
        server.route("/deflate", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "deflate");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
                deflate.write(text);
            }
            FeedServer.send(exchange, 200, "application/rss+xml", out.toByteArray());
        });
        HttpFetcher fetcher = loopbackAllowed();
        assertThat(fetcher.fetch(FetchRequest.of(server.url("/gzip"))).body()).isEqualTo(text);
        assertThat(fetcher.fetch(FetchRequest.of(server.url("/deflate"))).body()).isEqualTo(text);
        assertThat(server.requests().get(0).header("User-Agent")).isEqualTo("PulseTest/1");
        assertThat(server.requests().get(0).header("Accept-Encoding")).contains("gzip");
    }

    @Test
    void anEndlessBodyStopsAtTheCap() {
        server.route("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked, no length
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < 50L * 1024 * 1024; sent += chunk.length) {
                    out.write(chunk);
                }
            }
        });
        assertThatThrownBy(() -> loopbackAllowed().fetch(FetchRequest.of(server.url("/endless"))))
                .isInstanceOf(FetchException.class).hasMessageContaining("exceeds 10 MiB");
    }

    @Test
    void aGzipBombStopsAtTheCapCountedAfterDecompression() throws Exception {
        byte[] bomb = gzip(new byte[60 * 1024 * 1024]); // 60 MiB of zeros, about 60 KiB on the wire
        assertThat(bomb.length).isLessThan(200 * 1024);
        server.route("/bomb", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            FeedServer.send(exchange, 200, "application/rss+xml", bomb);
        });
        assertThatThrownBy(() -> loopbackAllowed().fetch(FetchRequest.of(server.url("/bomb"))))
                .isInstanceOf(FetchException.class).hasMessageContaining("after decompression");
    }

    @Test
    void aServerThatNeverAnswersHitsTheTotalTimeout() {
        server.route("/silent", exchange -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Instant start = Instant.now();
        assertThatThrownBy(() -> fetcher(List.of("127.0.0.1/32"), 4, Duration.ofSeconds(1))
                .fetch(FetchRequest.of(server.url("/silent"))))
                .isInstanceOf(FetchException.class).hasMessageContaining("total timeout");
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(1900));
    }

    @Test
    void aTricklingBodyIsCutOffByTheTotalTimeout() {
        server.route("/trickle", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('<');
                    out.flush();
                    Thread.sleep(100); // each byte well inside the read timeout
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThatThrownBy(() -> fetcher(List.of("127.0.0.1/32"), 4, Duration.ofSeconds(1))
                .fetch(FetchRequest.of(server.url("/trickle"))))
                .isInstanceOf(FetchException.class).hasMessageContaining("total timeout");
    }

    @Test
    void followsUpToFiveRedirectsAndStopsALoop() throws Exception {
        for (int i = 0; i < 5; i++) {
            int next = i + 1;
            server.route("/hop" + i, exchange -> {
                exchange.getResponseHeaders().set("Location", next == 5 ? "/final" : "/hop" + next);
                FeedServer.send(exchange, 301, "");
            });
        }
        server.serve("/final", "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        server.route("/loop", exchange -> {
            exchange.getResponseHeaders().set("Location", "/loop");
            FeedServer.send(exchange, 302, "");
        });
        HttpFetcher fetcher = loopbackAllowed();
        FetchResponse response = fetcher.fetch(FetchRequest.of(server.url("/hop0")));
        assertThat(response.url()).isEqualTo(server.url("/final"));
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/loop"))))
                .isInstanceOf(FetchException.class).hasMessageContaining("More than 5 redirects");
        assertThat(server.hits("/loop")).isEqualTo(6);
    }

    @Test
    void anEscapedUrlIsRequestedAsItIsAndARawLocationIsFollowedEscaped() throws Exception {
        List<String> requested = new java.util.concurrent.CopyOnWriteArrayList<>();
        server.route("/tags/c#/feed", exchange -> {
            requested.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            FeedServer.send(exchange, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        });
        server.route("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "/café feed?q=\"a b\"");
            FeedServer.send(exchange, 301, "");
        });
        server.route("/café feed", exchange -> {
            requested.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            FeedServer.send(exchange, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        });
        HttpFetcher fetcher = loopbackAllowed();
        fetcher.fetch(FetchRequest.of(URI.create(server.url("/tags/c%23/feed") + "?q=%22x%22#section")));
        fetcher.fetch(FetchRequest.of(server.url("/moved")));
        assertThat(requested).containsExactly("/tags/c%23/feed?q=%22x%22", "/caf%C3%A9%20feed?q=%22a%20b%22");
    }

    @Test
    void timeInThisInstancesQueueIsNotTheFeedsTimeout() throws Exception {
        server.route("/slow", exchange -> {
            try {
                Thread.sleep(1_200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FeedServer.send(exchange, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        });
        // one connection per host, 2 s per fetch: the second waits 1.2 s in the queue, then has its full 2 s
        HttpFetcher fetcher = fetcher(List.of("127.0.0.1/32"), 1, Duration.ofSeconds(2));
        fetchTogether(fetcher, server.url("/slow"), 2);
        assertThat(server.hits("/slow")).isEqualTo(2);
    }

    @Test
    void anEmptyOkIsAFailureForNowAndA204Says() {
        server.serve("/empty", "application/rss+xml", new byte[0]);
        server.route("/none", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        HttpFetcher fetcher = loopbackAllowed();
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/empty")))).isInstanceOf(FetchException.class)
                .hasMessageContaining("empty body");
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/none")))).isInstanceOf(FetchException.class)
                .hasMessageContaining("HTTP 204");
    }

    @Test
    void aBodyInACodingPulseDoesNotDecodeIsRefusedNotParsed() {
        server.route("/brotli", exchange -> {
            exchange.getResponseHeaders().set("Content-Encoding", "br");
            FeedServer.send(exchange, 200, "application/rss+xml", new byte[] {(byte) 0x8b, 0x02, (byte) 0x80});
        });
        assertThatThrownBy(() -> loopbackAllowed().fetch(FetchRequest.of(server.url("/brotli"))))
                .isInstanceOf(FetchException.class).hasMessageContaining("compressed with br");
    }

    @Test
    void aRetryAfterBeyondAnyInstantIsCapped() {
        server.route("/forever", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(Long.MAX_VALUE));
            FeedServer.send(exchange, 503, "later");
        });
        assertThatThrownBy(() -> loopbackAllowed().fetch(FetchRequest.of(server.url("/forever"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.retryAfter())
                        .isBefore(Instant.now().plus(Duration.ofHours(1)).plusSeconds(5)));
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAndNeverToAnotherHost() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        FeedServer other = new FeedServer();
        try (other) {
            other.route("/elsewhere", exchange -> {
                seen.add("elsewhere " + exchange.getRequestHeaders().getFirst("Authorization"));
                FeedServer.send(exchange, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
            });
            server.route("/private", exchange -> {
                seen.add("private " + exchange.getRequestHeaders().getFirst("Authorization"));
                exchange.getResponseHeaders().set("Location", "http://localhost:" + other.port() + "/elsewhere");
                FeedServer.send(exchange, 302, "");
            });
            URI withCredentials = URI.create(server.url("/private").toString().replace("://", "://reader:s%40cret@"));
            loopbackAllowed().fetch(FetchRequest.of(withCredentials));
        }
        String basic = java.util.Base64.getEncoder().encodeToString("reader:s@cret".getBytes(StandardCharsets.UTF_8));
        assertThat(seen).containsExactly("private Basic " + basic, "elsewhere null");
    }

    @Test
    void conditionalGetSendsTheValidatorsAndA304IsNotModified() throws Exception {
        server.route("/cond", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                FeedServer.send(exchange, 304, null, new byte[0]);
            } else {
                exchange.getResponseHeaders().set("ETag", "\"v1\"");
                exchange.getResponseHeaders().set("Last-Modified", "Tue, 01 Dec 2026 08:00:00 GMT");
                exchange.getResponseHeaders().set("Cache-Control", "public, max-age=900");
                FeedServer.send(exchange, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
            }
        });
        HttpFetcher fetcher = loopbackAllowed();
        FetchResponse first = fetcher.fetch(FetchRequest.of(server.url("/cond")));
        assertThat(first.header("etag")).isEqualTo("\"v1\"");
        assertThat(first.maxAge()).isEqualTo(Duration.ofSeconds(900));
        FetchResponse second = fetcher.fetch(FetchRequest.conditional(server.url("/cond"), first.header("etag"),
                first.header("last-modified")));
        assertThat(second.notModified()).isTrue();
        assertThat(server.requests().get(1).header("If-Modified-Since")).isEqualTo("Tue, 01 Dec 2026 08:00:00 GMT");
    }

    @Test
    void retryAfterInSecondsOrAsADateHoldsTheWholeHost() throws Exception {
        server.route("/busy", exchange -> {
            exchange.getResponseHeaders().set("Retry-After", "120");
            FeedServer.send(exchange, 429, "slow down");
        });
        server.serve("/other", "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        HttpFetcher fetcher = loopbackAllowed();
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/busy"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).isBetween(Instant.now().plusSeconds(110), Instant.now().plusSeconds(121));
                });
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/other"))))
                .as("another feed on the same host waits too").isInstanceOf(FetchException.class)
                .hasMessageContaining("Retry-After");
        assertThat(server.hits("/other")).isZero();

        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(10));
        FeedServer other = new FeedServer();
        try (other) {
            other.route("/maintenance", exchange -> {
                exchange.getResponseHeaders().set("Retry-After", date);
                FeedServer.send(exchange, 503, "maintenance");
            });
            URI viaLocalhost = URI.create("http://localhost:" + other.port() + "/maintenance");
            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(viaLocalhost)))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.retryAfter())
                            .isBetween(Instant.now().plusSeconds(590), Instant.now().plusSeconds(601)));
        }
    }

    @Test
    void thePerHostLimitIsSharedByEveryFetch() throws Exception {
        server.route("/slow", exchange -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            FeedServer.send(exchange, 200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        });
        HttpFetcher fetcher = fetcher(List.of("127.0.0.1/32"), 2, Duration.ofSeconds(10));
        fetchTogether(fetcher, server.url("/slow"), 8);
        assertThat(server.hits("/slow")).isEqualTo(8);
        assertThat(server.mostInFlight()).isEqualTo(2);
    }

    @Test
    void theGuardRefusesLoopbackByDefaultEvenByName() {
        HttpFetcher guarded = fetcher(List.of(), 4, Duration.ofSeconds(3));
        server.serve("/feed", "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> guarded.fetch(FetchRequest.of(server.url("/feed"))))
                .isInstanceOf(FetchException.class).hasMessageContaining("Refused to connect to 127.0.0.1, a loopback address");
        // a name is judged by the address it resolves to at connect time, not by how it looks
        assertThatThrownBy(() -> guarded.fetch(FetchRequest.of(URI.create("http://localhost:" + server.port() + "/feed"))))
                .isInstanceOf(FetchException.class).hasMessageContaining("loopback address");
        assertThat(server.totalHits()).isZero();
    }

    @Test
    void theGuardChecksEveryRedirectHop() {
        server.route("/to-metadata", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            FeedServer.send(exchange, 302, "");
        });
        server.route("/to-other-loopback", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://127.0.0.2:" + server.port() + "/feed");
            FeedServer.send(exchange, 302, "");
        });
        server.serve("/feed", "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        HttpFetcher fetcher = loopbackAllowed(); // only 127.0.0.1 itself, where the test server is
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/to-metadata"))))
                .isInstanceOf(FetchException.class).hasMessageContaining("169.254.169.254, a link-local address");
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.url("/to-other-loopback"))))
                .isInstanceOf(FetchException.class).hasMessageContaining("127.0.0.2, a loopback address");
        assertThat(server.hits("/feed")).isZero();
    }

    @Test
    void aRedirectFromAnAllowedHostTo127001IsRefused() throws Exception {
        server.serve("/feed", "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8));
        try (FeedServer origin = new FeedServer("127.0.0.2")) {
            origin.route("/moved", exchange -> {
                exchange.getResponseHeaders().set("Location", server.url("/feed").toString());
                FeedServer.send(exchange, 301, "");
            });
            HttpFetcher onlyTheOrigin = fetcher(List.of("127.0.0.2/32"), 4, Duration.ofSeconds(3));
            assertThatThrownBy(() -> onlyTheOrigin.fetch(FetchRequest.of(origin.url("/moved"))))
                    .isInstanceOf(FetchException.class).hasMessageContaining("127.0.0.1, a loopback address");
            assertThat(origin.hits("/moved")).isEqualTo(1);
            assertThat(server.hits("/feed")).isZero();
        }
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        assertThatThrownBy(() -> loopbackAllowed().fetch(FetchRequest.of(URI.create("file:///etc/passwd"))))
                .isInstanceOf(FetchException.class).hasMessageContaining("Only http and https");
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(data);
        }
        return out.toByteArray();
    }
}
