package dev.pulse.scrape.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.pulse.scrape.FeedServer;
import dev.pulse.scrape.fetch.FetchSettings;
import dev.pulse.scrape.fetch.HttpFetcher;
import dev.pulse.scrape.fetch.HttpFetchers;
import dev.pulse.scrape.parse.Corpus;
import dev.pulse.scrape.parse.FeedParseException;

class FeedDiscoveryTest {

    private final FeedServer server = new FeedServer();
    private final HttpFetcher fetcher = HttpFetchers.create(new FetchSettings("PulseTest/1", Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofSeconds(5), 10L << 20, 5, 4, 16, Duration.ofHours(1),
            List.of("127.0.0.1/32")), Clock.systemUTC());
    private final FeedDiscovery discovery = new FeedDiscovery(fetcher, server.url("/"));

    @AfterEach
    void close() throws IOException {
        fetcher.close();
        server.close();
    }

    @Test
    void aPageNamesItsFeedInALinkAlternate() throws Exception {
        server.serve("/blog/", "text/html; charset=utf-8", Corpus.bytes("blog-page.html"));
        assertThat(discovery.blogFeed(server.url("/blog/"))).isEqualTo(server.url("/feed.xml"));
    }

    @Test
    void withoutALinkTheCommonPathsAreTried() throws Exception {
        server.serve("/", "text/html", Corpus.bytes("blog-page-no-link.html"));
        server.serve("/rss.xml", "application/rss+xml", Corpus.bytes("rss2-namespaces.xml"));
        assertThat(discovery.blogFeed(server.url("/"))).isEqualTo(server.url("/rss.xml"));
    }

    @Test
    void aFeedUrlIsItsOwnFeed() throws Exception {
        server.serve("/atom", "application/atom+xml", Corpus.bytes("atom10.xml"));
        assertThat(discovery.blogFeed(server.url("/atom"))).isEqualTo(server.url("/atom"));
    }

    @Test
    void aJsonFeedIsFoundByItsLinkAndIsItsOwnFeed() throws Exception {
        server.serve("/micro/", "text/html", """
                <html><head><link rel="alternate" type="application/feed+json" href="/micro/feed.json"></head></html>""".getBytes());
        server.serve("/micro/feed.json", "application/feed+json", Corpus.bytes("jsonfeed10.json"));
        assertThat(discovery.blogFeed(server.url("/micro/"))).isEqualTo(server.url("/micro/feed.json"));
        assertThat(discovery.blogFeed(server.url("/micro/feed.json"))).isEqualTo(server.url("/micro/feed.json"));
    }

    @Test
    void noFeedAnywhereIsAClearFailure() {
        server.serve("/", "text/html", Corpus.bytes("blog-page-no-link.html"));
        assertThatThrownBy(() -> discovery.blogFeed(server.url("/"))).isInstanceOf(FeedParseException.class)
                .hasMessageContaining("No feed found");
    }

    @Test
    void aYoutubeChannelIdNeedsNoRequest() throws Exception {
        URI feed = discovery.youtubeFeed(URI.create("https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv"));
        assertThat(feed).isEqualTo(server.url("/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv"));
        assertThat(server.totalHits()).isZero();
    }

    @Test
    void aYoutubeHandleIsLookedUpOnItsChannelPage() throws Exception {
        server.serve("/@synthetic", "text/html", Corpus.bytes("youtube-channel.html"));
        URI feed = discovery.youtubeFeed(URI.create("https://www.youtube.com/@synthetic"));
        assertThat(feed).isEqualTo(server.url("/feeds/videos.xml?channel_id=UCabcdefghijklmnopqrstuv"));
    }
}
