package dev.pulse.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.pulse.scrape.parse.Corpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GET /feeds/preview over HTTP: one source through the run's client, guard and parser, nothing stored. */
class FeedPreviewTest extends ScrapeServiceTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> preview(String url) throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + port + "/feeds/preview?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void showsEveryItemOfAFeedNewestFirstAndStoresNothing() throws Exception {
        SERVER.serve("/preview/ns.xml", "application/rss+xml", Corpus.bytes("rss2-namespaces.xml"));
        HttpResponse<String> response = preview(SERVER.url("/preview/ns.xml").toString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("success").asBoolean()).isTrue();
        JsonNode data = body.path("data");
        assertThat(data.path("feed_url").asString()).isEqualTo(SERVER.url("/preview/ns.xml").toString());
        assertThat(data.path("items")).hasSize(5);
        JsonNode newest = data.path("items").get(0);
        assertThat(newest.path("title").asString()).isEqualTo("Item five of the namespaced feed");
        assertThat(newest.path("guid").asString()).isEqualTo("ns-5");
        assertThat(newest.path("author").asString()).isEqualTo("Author 5");
        assertThat(newest.path("published_at").asString()).isEqualTo("2026-12-01T08:05:00Z");
        assertThat(newest.has("summary")).isTrue();
        assertThat(db.sql("SELECT count(*) FROM feeds WHERE feed_key = ?").param(SERVER.url("/preview/ns.xml").toString())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aPageIsReadThroughTheFeedItNames() throws Exception {
        SERVER.serve("/preview/site/", "text/html", Corpus.bytes("blog-page.html"));
        SERVER.serve("/feed.xml", "application/rss+xml", TestFeeds.rss("previewed", 3));
        HttpResponse<String> response = preview(SERVER.url("/preview/site/").toString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("data").path("feed_url").asString())
                .isEqualTo(SERVER.url("/feed.xml").toString());
    }

    @Test
    void answersWithTheEnvelopeAndTheReasonWhenItCannot() throws Exception {
        try (FeedServer site = new FeedServer()) { // a site of its own: no common feed path of other tests
            site.serve("/page.html", "text/html", "<html><body>no feed</body></html>".getBytes(StandardCharsets.UTF_8));
            site.route("/broken", exchange -> FeedServer.send(exchange, 500, "boom"));

            assertError(preview("ftp://example.org/feed"), 400, "INVALID_URL");
            assertError(preview("http://10.1.2.3/feed.xml"), 400, "URL_NOT_ALLOWED");
            assertError(preview(site.url("/page.html").toString()), 422, "NOT_A_FEED");
            assertError(preview(site.url("/broken").toString()), 502, "FETCH_FAILED");
        }
    }

    private void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("success").asBoolean()).isFalse();
        assertThat(body.path("error").path("code").asString()).isEqualTo(code);
        assertThat(body.path("error").path("message").asString()).isNotBlank();
    }
}
