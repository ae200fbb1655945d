package dev.pulse.scrape;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.pulse.contracts.messages.ActionFailed;
import dev.pulse.contracts.messages.ContentItem;
import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.FeedSource;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.SourceOutcome;
import dev.pulse.contracts.messages.SourceReport;
import dev.pulse.contracts.messages.SourceType;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.scrape.parse.Corpus;
import dev.pulse.testsupport.TopicReader;

/** JobDue in, ContentScraped (or ActionFailed) out, on the real topics, with the rows it leaves behind. */
class ScrapeStageTest extends ScrapeServiceTest {

    private static ContentScraped scraped(ConsumerRecord<String, byte[]> record) {
        return CODEC.decode(record.value(), ContentScraped.class);
    }

    private ContentScraped run(JobDue due) {
        TopicReader out = TopicReader.atEnd(Topics.CONTENT_SCRAPED.name());
        send(due);
        return scraped(await(out, due, 1).get(0));
    }

    private ActionFailed failure(JobDue due) {
        TopicReader failures = TopicReader.atEnd(Topics.ACTION_FAILED.name());
        send(due);
        return CODEC.decode(await(failures, due, 1).get(0).value(), ActionFailed.class);
    }

    @Test
    void aJobDueBecomesContentScrapedFromTheStoredItemsNewestFirst() {
        String path = "/stage/basic.xml";
        SERVER.serve(path, "application/rss+xml", TestFeeds.rss("basic", 40));
        UUID workspace = workspace();
        addFeed(workspace, "rss", SERVER.url(path).toString());

        ContentScraped result = run(jobDue(workspace, List.of(), 5));

        assertThat(result.items()).hasSize(15); // max_items 5 × the selection factor 3
        assertThat(result.items()).extracting(ContentItem::title).startsWith("basic item 0", "basic item 1");
        assertThat(result.items()).isSortedAccordingTo((a, b) -> b.publishedAt().compareTo(a.publishedAt()));
        ContentItem first = result.items().get(0);
        assertThat(first.url()).isEqualTo("https://basic.example.org/posts/0");
        assertThat(first.sourceTitle()).isEqualTo("basic");
        assertThat(first.source()).isEqualTo(SERVER.url(path).toString());
        assertThat(result.sources()).singleElement().satisfies(report -> {
            assertThat(report.outcome()).isEqualTo(SourceOutcome.FETCHED);
            assertThat(report.itemsRead()).isEqualTo(40);
            assertThat(report.itemsNew()).isEqualTo(40);
            assertThat(report.itemsSelected()).isEqualTo(15);
        });
        assertThat(db.sql("SELECT count(*) FROM feed_items i JOIN feeds f ON f.id = i.feed_id WHERE f.feed_key = ?")
                .param(SERVER.url(path).toString()).query(Integer.class).single()).isEqualTo(40);
        assertThat(db.sql("SELECT count(*) FROM workspace_feeds WHERE workspace_id = ?").param(workspace)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(db.sql("SELECT count(*) FROM scrape_results WHERE execution_id = ?")
                .param(result.envelope().executionId()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void scrapingTheSameFeedAgainStoresNothingTwice() {
        String path = "/stage/again.xml";
        SERVER.serve(path, "application/rss+xml", TestFeeds.rss("again", 20));
        UUID workspace = workspace();
        addFeed(workspace, "rss", SERVER.url(path).toString());
        run(jobDue(workspace, List.of(), 10));
        staleFeeds();
        ContentScraped second = run(jobDue(workspace, List.of(), 10));
        assertThat(second.sources().get(0).outcome()).isEqualTo(SourceOutcome.FETCHED);
        assertThat(second.sources().get(0).itemsNew()).isZero();
        assertThat(db.sql("SELECT count(*) FROM feed_items i JOIN feeds f ON f.id = i.feed_id WHERE f.feed_key = ?")
                .param(SERVER.url(path).toString()).query(Integer.class).single()).isEqualTo(20);
    }

    @Test
    void aRedeliveredJobDueGetsTheSameContentScraped() {
        String path = "/stage/redelivered.xml";
        SERVER.serve(path, "application/rss+xml", TestFeeds.rss("redelivered", 10));
        UUID workspace = workspace();
        addFeed(workspace, "rss", SERVER.url(path).toString());
        JobDue due = jobDue(workspace, List.of(), 10);
        TopicReader out = TopicReader.atEnd(Topics.CONTENT_SCRAPED.name());

        send(due);
        await(out, due, 1);
        staleFeeds(); // even with the feed due again, the redelivery answers from the kept result
        SERVER.serve(path, "application/rss+xml", TestFeeds.rss("redelivered-changed", 10));
        send(due);
        List<ConsumerRecord<String, byte[]>> both = await(out, due, 2);

        assertThat(both).hasSize(2);
        assertThat(new String(both.get(1).value(), StandardCharsets.UTF_8))
                .isEqualTo(new String(both.get(0).value(), StandardCharsets.UTF_8));
        assertThat(SERVER.hits(path)).isEqualTo(1);
    }

    @Test
    void oneFailingSourceGivesAPartialResultWithItsReasonAndItsKnownItemsStillCount() {
        String good = "/stage/partial-good.xml";
        String flaky = "/stage/partial-flaky.xml";
        SERVER.serve(good, "application/rss+xml", TestFeeds.rss("good", 3));
        SERVER.serve(flaky, "application/rss+xml", TestFeeds.rss("flaky", 2));
        UUID workspace = workspace();
        addFeed(workspace, "rss", SERVER.url(good).toString());
        addFeed(workspace, "rss", SERVER.url(flaky).toString());
        run(jobDue(workspace, List.of(), 10));

        SERVER.route(flaky, exchange -> FeedServer.send(exchange, 500, "boom"));
        staleFeeds();
        ContentScraped result = run(jobDue(workspace, List.of(), 10));

        assertThat(result.partial()).isTrue();
        SourceReport failed = result.sources().stream().filter(s -> s.source().endsWith("flaky.xml")).findFirst().orElseThrow();
        assertThat(failed.outcome()).isEqualTo(SourceOutcome.FAILED);
        assertThat(failed.reason()).isEqualTo("HTTP 500 Internal Server Error");
        assertThat(failed.itemsSelected()).as("its known items still count").isEqualTo(2);
        assertThat(result.items()).hasSize(5);
    }

    @Test
    void everySourceUnreadableFailsAtOnceWithAClearCode() {
        String page = "/stage/not-a-feed.html";
        SERVER.serve(page, "text/html", "<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8));
        UUID workspace = workspace();
        addFeed(workspace, "rss", SERVER.url(page).toString());

        ActionFailed failed = failure(jobDue(workspace, List.of(), 10));

        assertThat(failed.errorCode()).isEqualTo("NO_READABLE_SOURCE");
        assertThat(failed.errorMessage()).contains("HTML page");
        assertThat(failed.attempts()).isEqualTo(1);
    }

    @Test
    void aWorkspaceWithoutSourcesFailsWithNoSources() {
        ActionFailed failed = failure(jobDue(workspace(), List.of(), 10));
        assertThat(failed.errorCode()).isEqualTo("NO_SOURCES");
    }

    @Test
    void everySourceDownIsRetriedByTheRuntimeThenFails() {
        String down = "/stage/down.xml";
        SERVER.route(down, exchange -> FeedServer.send(exchange, 503, "down"));
        UUID workspace = workspace();
        addFeed(workspace, "rss", SERVER.url(down).toString());

        ActionFailed failed = failure(jobDue(workspace, List.of(), 10));

        assertThat(failed.errorCode()).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(failed.errorMessage()).contains("HTTP 503");
        assertThat(SERVER.hits(down)).as("the first failure holds nothing back; the second starts the backoff").isEqualTo(2);
    }

    @Test
    void aFeedThatKeepsFailingIsHeldBackLongerEachTimeAndSaysWhy() {
        String failing = "/stage/backoff.xml";
        String good = "/stage/backoff-good.xml";
        SERVER.route(failing, exchange -> FeedServer.send(exchange, 500, "still broken"));
        SERVER.serve(good, "application/rss+xml", TestFeeds.rss("backoff-good", 2));
        UUID workspace = workspace();
        addFeed(workspace, "rss", SERVER.url(failing).toString());
        addFeed(workspace, "rss", SERVER.url(good).toString());
        String key = SERVER.url(failing).toString();

        run(jobDue(workspace, List.of(), 10));
        assertThat(db.sql("SELECT next_fetch_not_before FROM feeds WHERE feed_key = ?").param(key)
                .query(java.sql.Timestamp.class).optional()).as("a first failure holds nothing back").isEmpty();
        staleFeeds();
        run(jobDue(workspace, List.of(), 10));
        Instant held = db.sql("SELECT next_fetch_not_before FROM feeds WHERE feed_key = ?").param(key)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(held).isBetween(Instant.now().plusSeconds(50), Instant.now().plusSeconds(61));

        staleFeeds();
        ContentScraped third = run(jobDue(workspace, List.of(), 10));
        SourceReport report = third.sources().stream().filter(s -> s.source().equals(key)).findFirst().orElseThrow();
        assertThat(report.reason()).startsWith("Not fetched before").contains("2 failures in a row", "HTTP 500");
        assertThat(SERVER.hits(failing)).isEqualTo(2);

        db.sql("UPDATE feeds SET next_fetch_not_before = now() - interval '1 second' WHERE feed_key = ?").param(key).update();
        staleFeeds();
        run(jobDue(workspace, List.of(), 10));
        Instant longer = db.sql("SELECT next_fetch_not_before FROM feeds WHERE feed_key = ?").param(key)
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(longer).as("the third failure doubles the wait").isBetween(Instant.now().plusSeconds(110),
                Instant.now().plusSeconds(121));
    }

    @Test
    void jobsDueTogetherThatShareAFeedFetchItOnce() {
        String shared = "/stage/shared.xml";
        SERVER.serve(shared, "application/rss+xml", TestFeeds.rss("shared", 10));
        TopicReader out = TopicReader.atEnd(Topics.CONTENT_SCRAPED.name());
        List<JobDue> dues = java.util.stream.IntStream.range(0, 6).mapToObj(i -> {
            UUID workspace = workspace();
            addFeed(workspace, "rss", SERVER.url(shared).toString());
            return jobDue(workspace, List.of(), 10);
        }).toList();
        dues.forEach(ScrapeServiceTest::send);
        List<ContentScraped> results = dues.stream().map(d -> scraped(await(out, d, 1).get(0))).toList();

        assertThat(SERVER.hits(shared)).isEqualTo(1);
        assertThat(results).allSatisfy(r -> assertThat(r.items()).hasSize(10));
        assertThat(results).extracting(r -> r.sources().get(0).outcome())
                .containsOnly(SourceOutcome.FETCHED, SourceOutcome.REUSED).containsOnlyOnce(SourceOutcome.FETCHED);
        assertThat(db.sql("SELECT count(*) FROM feeds WHERE feed_key = ?").param(SERVER.url(shared).toString())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anUnchangedFeedAnswers304AndItsItemsStillCount() {
        String path = "/stage/etag.xml";
        byte[] body = TestFeeds.rss("etag", 4);
        SERVER.route(path, exchange -> {
            if ("\"e1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                FeedServer.send(exchange, 304, null, new byte[0]);
                return;
            }
            exchange.getResponseHeaders().set("ETag", "\"e1\"");
            FeedServer.send(exchange, 200, "application/rss+xml", body);
        });
        UUID workspace = workspace();
        addFeed(workspace, "rss", SERVER.url(path).toString());
        run(jobDue(workspace, List.of(), 10));
        staleFeeds();
        ContentScraped second = run(jobDue(workspace, List.of(), 10));

        assertThat(second.sources().get(0).outcome()).isEqualTo(SourceOutcome.NOT_MODIFIED);
        assertThat(second.items()).hasSize(4);
    }

    @Test
    void theValidatorsSentAreTheOnesTheLastAnswerGave() {
        String path = "/stage/validators.xml";
        byte[] body = TestFeeds.rss("validators", 2);
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        SERVER.route(path, exchange -> {
            String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
            asked.add(etag + " / " + exchange.getRequestHeaders().getFirst("If-Modified-Since"));
            if (etag == null) {
                // behind a new CDN: no ETag any more, Last-Modified only
                exchange.getResponseHeaders().set("Last-Modified", "Tue, 01 Dec 2026 08:00:00 GMT");
                FeedServer.send(exchange, 200, "application/rss+xml", body);
            } else if (etag.equals("\"v2\"")) {
                FeedServer.send(exchange, 200, "application/rss+xml", body); // ETag dropped from here on
            } else {
                exchange.getResponseHeaders().set("ETag", "\"v2\""); // a 304 that renews the validator
                FeedServer.send(exchange, 304, null, new byte[0]);
            }
        });
        UUID workspace = workspace();
        addFeed(workspace, "rss", SERVER.url(path).toString());
        db.sql("INSERT INTO feeds (id, feed_key, source_type, etag) VALUES (gen_random_uuid(), ?, 'rss', '\"v1\"')")
                .param(SERVER.url(path).toString()).update();
        for (int i = 0; i < 3; i++) {
            run(jobDue(workspace, List.of(), 10));
            staleFeeds();
        }
        assertThat(asked).containsExactly("\"v1\" / null", "\"v2\" / null", "null / null");
        run(jobDue(workspace, List.of(), 10));
        assertThat(asked.get(3)).isEqualTo("null / Tue, 01 Dec 2026 08:00:00 GMT");
    }

    @Test
    void aFeedThatMovedPermanentlyIsFetchedAtItsNewHomeAndATemporaryMoveIsNotRemembered() {
        byte[] body = TestFeeds.rss("moved", 2);
        SERVER.serve("/stage/new-home.xml", "application/rss+xml", body);
        SERVER.route("/stage/old-home.xml", exchange -> {
            exchange.getResponseHeaders().set("Location", "/stage/new-home.xml");
            FeedServer.send(exchange, 301, "");
        });
        SERVER.route("/stage/away.xml", exchange -> {
            exchange.getResponseHeaders().set("Location", "/stage/new-home.xml");
            FeedServer.send(exchange, 302, "");
        });
        SERVER.route("/stage/private-old.xml", exchange -> {
            exchange.getResponseHeaders().set("Location", "/stage/new-home.xml");
            FeedServer.send(exchange, 301, "");
        });
        UUID workspace = workspace();
        addFeed(workspace, "rss", SERVER.url("/stage/old-home.xml").toString());
        addFeed(workspace, "rss", SERVER.url("/stage/away.xml").toString());
        String withCredentials = SERVER.url("/stage/private-old.xml").toString().replace("://", "://reader:pw@");
        addFeed(workspace, "rss", withCredentials);
        for (int i = 0; i < 3; i++) {
            assertThat(run(jobDue(workspace, List.of(), 10)).sources()).extracting(s -> s.outcome())
                    .containsOnly(SourceOutcome.FETCHED);
            staleFeeds();
        }
        assertThat(SERVER.hits("/stage/old-home.xml")).as("the 301 is followed once, then remembered").isEqualTo(1);
        assertThat(SERVER.hits("/stage/away.xml")).as("a 302 is asked again every time").isEqualTo(3);
        assertThat(SERVER.hits("/stage/private-old.xml")).as("credentials stay with their origin").isEqualTo(3);
        assertThat(db.sql("SELECT fetch_url FROM feeds WHERE feed_key = ?").param(SERVER.url("/stage/old-home.xml").toString())
                .query(String.class).single()).isEqualTo(SERVER.url("/stage/new-home.xml").toString());
    }

    @Test
    void typeNamesSelectTheWorkspaceSourcesOfThoseTypes() {
        String listing = new String(Corpus.bytes("reddit-listing.json"), StandardCharsets.UTF_8)
                .replaceAll("\"created_utc\": [0-9.]+", "\"created_utc\": " + Instant.now().minusSeconds(60).getEpochSecond());
        SERVER.serve("/r/selected/hot.json", "application/json", listing.getBytes(StandardCharsets.UTF_8));
        String feed = "/stage/not-selected.xml";
        SERVER.serve(feed, "application/rss+xml", TestFeeds.rss("not-selected", 3));
        UUID workspace = workspace();
        addFeed(workspace, "rss", SERVER.url(feed).toString());
        addSubreddit(workspace, "selected", "hot", null, 2);

        ContentScraped result = run(jobDue(workspace, List.of(FeedSource.allOf(SourceType.REDDIT)), 10));

        assertThat(result.sources()).singleElement().satisfies(s -> {
            assertThat(s.source()).isEqualTo("reddit:selected/hot");
            assertThat(s.type()).isEqualTo(SourceType.REDDIT);
        });
        assertThat(SERVER.hits(feed)).isZero();
        assertThat(result.items()).as("the source's own limit of 2").hasSize(2)
                .allSatisfy(i -> assertThat(i.sourceType()).isEqualTo(SourceType.REDDIT));
    }

    @Test
    void blogAndYoutubeSourcesAreReadThroughTheFeedsFoundForThem() {
        SERVER.serve("/blog-site/", "text/html", Corpus.bytes("blog-page.html"));
        SERVER.serve("/feed.xml", "application/rss+xml", TestFeeds.rss("blogfeed", 2));
        String videos = new String(Corpus.bytes("youtube-videos.xml"), StandardCharsets.UTF_8)
                .replaceAll("<published>[^<]+</published>", "<published>" + Instant.now().minusSeconds(30) + "</published>");
        SERVER.serve("/feeds/videos.xml", "application/atom+xml", videos.getBytes(StandardCharsets.UTF_8));
        UUID workspace = workspace();
        addFeed(workspace, "blog", SERVER.url("/blog-site/").toString());
        addFeed(workspace, "youtube", "https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv");

        ContentScraped result = run(jobDue(workspace, List.of(), 10));

        assertThat(result.sources()).extracting(SourceReport::outcome).containsOnly(SourceOutcome.FETCHED);
        assertThat(result.items()).extracting(ContentItem::sourceType).contains(SourceType.BLOG, SourceType.YOUTUBE);
        assertThat(db.sql("SELECT feed_url FROM discovered_feeds WHERE page_url = ?").param(SERVER.url("/blog-site/").toString())
                .query(String.class).single()).isEqualTo(SERVER.url("/feed.xml").toString());
    }

    @Test
    void anXxeFeedIsRefusedAndNeverMakesItsRequest() {
        String xxe = new String(Corpus.bytes("xxe-remote.xml"), StandardCharsets.UTF_8)
                .replace("http://127.0.0.1:1/", SERVER.url("/").toString());
        SERVER.serve("/stage/xxe.xml", "application/rss+xml", xxe.getBytes(StandardCharsets.UTF_8));
        SERVER.serve("/stage/xxe-good.xml", "application/rss+xml", TestFeeds.rss("xxe-good", 1));
        UUID workspace = workspace();
        addFeed(workspace, "rss", SERVER.url("/stage/xxe.xml").toString());
        addFeed(workspace, "rss", SERVER.url("/stage/xxe-good.xml").toString());

        ContentScraped result = run(jobDue(workspace, List.of(), 10));

        assertThat(result.sources()).filteredOn(s -> s.outcome() == SourceOutcome.FAILED).singleElement()
                .satisfies(s -> assertThat(s.reason()).contains("declares entities in a DOCTYPE"));
        assertThat(SERVER.hits("/xxe") + SERVER.hits("/evil.dtd")).isZero();
    }

    @Test
    void theResultStaysSmallWithFiftySourcesOfAHundredLongItems() {
        UUID workspace = workspace();
        for (int i = 0; i < 50; i++) {
            String path = "/stage/big-" + i + ".xml";
            SERVER.serve(path, "application/rss+xml", TestFeeds.rss("big" + i, 100, Instant.now().minusSeconds(i), 2000));
            addFeed(workspace, "rss", SERVER.url(path).toString());
        }
        TopicReader out = TopicReader.atEnd(Topics.CONTENT_SCRAPED.name());
        JobDue due = jobDue(workspace, List.of(), 100);
        send(due);
        ConsumerRecord<String, byte[]> record = await(out, due, 1).get(0);
        ContentScraped result = scraped(record);

        assertThat(result.sources()).hasSize(50).allSatisfy(s -> assertThat(s.itemsRead()).isEqualTo(100));
        assertThat(result.items()).hasSize(300);
        assertThat(result.items()).allSatisfy(i -> assertThat(i.summary().length()).isLessThanOrEqualTo(500));
        assertThat(record.value().length).as("bytes on the topic").isLessThan(400 * 1024);
    }
}
