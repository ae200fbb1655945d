package dev.pulse.scrape.reddit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.pulse.scrape.FeedServer;
import dev.pulse.scrape.fetch.FetchException;
import dev.pulse.scrape.fetch.FetchSettings;
import dev.pulse.scrape.fetch.HttpFetcher;
import dev.pulse.scrape.fetch.HttpFetchers;
import dev.pulse.scrape.parse.Corpus;
import dev.pulse.scrape.parse.ParsedFeed;
import dev.pulse.scrape.parse.ParsedItem;
import tools.jackson.databind.json.JsonMapper;

/** Reddit through a local server standing in for www.reddit.com and oauth.reddit.com. */
class RedditClientTest {

    private static final String USER_AGENT = "server:dev.pulse.test:1.0 (by /u/pulse-test)";

    private final FeedServer server = new FeedServer();
    private final HttpFetcher fetcher = HttpFetchers.create(new FetchSettings("PulseTest/1", Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(5), 10L << 20, 5, 4, 16, Duration.ofHours(1),
            List.of("127.0.0.1/32")), Clock.systemUTC());

    @AfterEach
    void close() throws IOException {
        fetcher.close();
        server.close();
    }

    private RedditClient client(String clientId, String clientSecret) {
        return new RedditClient(fetcher, new RedditSettings(server.url("/"), server.url("/oauth/"), clientId, clientSecret,
                USER_AGENT, Duration.ofSeconds(3)), JsonMapper.builder().build(), 300, Clock.systemUTC());
    }

    @Test
    void readsThePublicListingWithItsUserAgentDedupedAndWithoutStickies() throws Exception {
        server.serve("/r/programming/top.json", "application/json", Corpus.bytes("reddit-listing.json"));
        ParsedFeed feed = client(null, null).read("programming", "top", "week", 100);

        assertThat(feed.items()).extracting(ParsedItem::key).containsExactly("t3_1h8b4de", "t3_1h8c6fg", "t3_1h8d8hi");
        ParsedItem tips = feed.items().get(0);
        assertThat(tips.title()).isEqualTo("Tips & tricks for synthetic feeds");
        assertThat(tips.url()).isEqualTo("https://example.org/articles/tips?ref=r1");
        assertThat(tips.score()).isEqualTo(345);
        assertThat(tips.comments()).isEqualTo(67);
        assertThat(tips.publishedAt()).isEqualTo(Instant.ofEpochSecond(1796115600L));
        assertThat(tips.imageUrl()).isEqualTo("https://b.thumbs.example.net/abc123def456.jpg");
        FeedServer.HttpExchangeRecord request = server.requests().get(0);
        assertThat(request.header("User-Agent")).isEqualTo(USER_AGENT);
        assertThat(request.query()).contains("limit=100", "t=week", "raw_json=1");
    }

    @Test
    void appOnlyOAuthExchangesClientCredentialsOnceAndReadsTheOAuthHost() throws Exception {
        server.route("/api/v1/access_token", exchange -> FeedServer.send(exchange, 200, "application/json",
                Corpus.bytes("reddit-token.json")));
        server.route("/oauth/r/programming/new", exchange -> {
            if (!"Bearer test-token-123".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                FeedServer.send(exchange, 401, "no token");
                return;
            }
            FeedServer.send(exchange, 200, "application/json", Corpus.bytes("reddit-listing.json"));
        });
        RedditClient reddit = client("my-client", "my-secret");
        assertThat(reddit.read("programming", "new", null, 50).items()).hasSize(3);
        assertThat(reddit.read("programming", "new", null, 50).items()).hasSize(3);

        assertThat(server.hits("/api/v1/access_token")).isEqualTo(1);
        FeedServer.HttpExchangeRecord token = server.requests().get(0);
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.body()).isEqualTo("grant_type=client_credentials");
        assertThat(token.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("my-client:my-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(token.header("User-Agent")).isEqualTo(USER_AGENT);
    }

    @Test
    void aRefusedAnonymousListingSaysWhatToDo() {
        server.route("/r/programming/hot.json", exchange -> FeedServer.send(exchange, 403, "Blocked"));
        assertThatThrownBy(() -> client(null, null).read("programming", "hot", null, 25))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("Reddit refused r/programming: HTTP 403")
                .hasMessageContaining("client-id");
    }

    @Test
    void aRefusedTokenSaysWhichSettingsToCheck() {
        server.route("/api/v1/access_token", exchange -> FeedServer.send(exchange, 401, "bad credentials"));
        assertThatThrownBy(() -> client("wrong", "wrong").read("programming", "hot", null, 25))
                .isInstanceOf(FetchException.class).hasMessageContaining("OAuth token").hasMessageContaining("client-secret");
    }

    @Test
    void waitsForTheRateLimitWindowWhenItIsUsedUp() throws Exception {
        server.route("/r/programming/hot.json", exchange -> {
            exchange.getResponseHeaders().set("X-Ratelimit-Remaining", "0.0");
            exchange.getResponseHeaders().set("X-Ratelimit-Reset", "1");
            FeedServer.send(exchange, 200, "application/json", Corpus.bytes("reddit-listing.json"));
        });
        RedditClient reddit = client(null, null);
        reddit.read("programming", "hot", null, 25);
        Instant start = Instant.now();
        reddit.read("programming", "hot", null, 25);
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void doesNotWaitLongerThanItsSettingForTheWindow() throws Exception {
        server.route("/r/programming/hot.json", exchange -> {
            exchange.getResponseHeaders().set("X-Ratelimit-Remaining", "0");
            exchange.getResponseHeaders().set("X-Ratelimit-Reset", "500");
            FeedServer.send(exchange, 200, "application/json", Corpus.bytes("reddit-listing.json"));
        });
        RedditClient reddit = client(null, null);
        reddit.read("programming", "hot", null, 25);
        assertThatThrownBy(() -> reddit.read("programming", "hot", null, 25)).isInstanceOf(FetchException.class)
                .hasMessageContaining("rate limit is used up");
        assertThat(server.hits("/r/programming/hot.json")).isEqualTo(1);
    }
}
