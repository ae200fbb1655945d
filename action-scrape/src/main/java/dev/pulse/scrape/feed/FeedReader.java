package dev.pulse.scrape.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import dev.pulse.contracts.messages.SourceOutcome;
import dev.pulse.contracts.messages.SourceType;
import dev.pulse.scrape.discovery.DiscoveredFeeds;
import dev.pulse.scrape.fetch.FetchException;
import dev.pulse.scrape.fetch.FetchRequest;
import dev.pulse.scrape.fetch.FetchResponse;
import dev.pulse.scrape.fetch.HttpFetcher;
import dev.pulse.scrape.parse.FeedParseException;
import dev.pulse.scrape.parse.FeedParser;
import dev.pulse.scrape.parse.ParsedFeed;
import dev.pulse.scrape.reddit.RedditClient;
import dev.pulse.scrape.source.ScrapeSource;

/**
 * Reads a run's sources and stores what is new. A feed fetched within its freshness window is not
 * fetched again (REUSED), and runs that want the same feed at the same moment share one fetch: the
 * first does it, the others wait for it and reuse what it stored.
 */
@Component
public class FeedReader {

    private static final Logger log = LoggerFactory.getLogger(FeedReader.class);

    private final HttpFetcher fetcher;
    private final FeedParser parser;
    private final RedditClient reddit;
    private final DiscoveredFeeds discovered;
    private final FeedRepository feeds;
    private final FeedPolicy policy;
    private final Clock clock;
    private final Map<String, CompletableFuture<SourceRead>> inFlight = new ConcurrentHashMap<>();
    private final Semaphore parsing = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()));

    FeedReader(HttpFetcher fetcher, FeedParser parser, RedditClient reddit, DiscoveredFeeds discovered,
            FeedRepository feeds, FeedPolicy policy, Clock clock) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.reddit = reddit;
        this.discovered = discovered;
        this.feeds = feeds;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Reads a run's sources: those whose feed is still fresh at once, from one query for all of them;
     * the others concurrently on {@code pool}.
     */
    public List<SourceRead> readAll(List<ScrapeSource> sources, ExecutorService pool) {
        Map<ScrapeSource, String> keys = new LinkedHashMap<>();
        Map<ScrapeSource, SourceRead> failed = new HashMap<>();
        for (ScrapeSource source : sources) {
            try {
                keys.put(source, feedKey(source));
            } catch (FetchException | FeedParseException e) {
                failed.put(source, new SourceRead(source, null, null, SourceOutcome.FAILED, "No feed found: " + e.getMessage(),
                        0, 0, e instanceof FeedParseException));
            }
        }
        Map<String, Feed> known = feeds.findAll(keys.values());
        Instant now = clock.instant();
        Map<ScrapeSource, CompletableFuture<SourceRead>> reads = new LinkedHashMap<>();
        for (ScrapeSource source : sources) {
            String key = keys.get(source);
            Feed feed = key == null ? null : known.get(key);
            if (key == null) {
                reads.put(source, CompletableFuture.completedFuture(failed.get(source)));
            } else if (feed != null && feed.freshAt(now)) {
                reads.put(source, CompletableFuture.completedFuture(reused(source, feed)));
            } else {
                reads.put(source, CompletableFuture.supplyAsync(() -> read(source, key), pool));
            }
        }
        return reads.values().stream().map(CompletableFuture::join).toList();
    }

    private SourceRead read(ScrapeSource source, String key) {
        CompletableFuture<SourceRead> mine = new CompletableFuture<>();
        CompletableFuture<SourceRead> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return running.join().reused();
        }
        try {
            SourceRead read = readNow(source, key);
            mine.complete(read);
            return read;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /**
     * Only after the new home answered with a feed: a 301 to a parking page is not remembered. Nor is a
     * move of a feed read with credentials in its URL: they go to the origin they were given for only.
     */
    private void rememberMove(Feed feed, FetchResponse response) {
        if (response.movedPermanently() && !response.url().toString().equals(feed.location())
                && URI.create(feed.key()).getRawUserInfo() == null) {
            log.info("Feed {} moved permanently to {}", feed.key(), response.url());
            feeds.movedPermanently(feed, response.url().toString());
        }
    }

    private static SourceRead reused(ScrapeSource source, Feed feed) {
        return new SourceRead(source, feed.id(), feed.title(), SourceOutcome.REUSED, null, feed.itemsRead(), 0, false);
    }

    private SourceRead readNow(ScrapeSource source, String key) {
        Instant now = clock.instant();
        // read again: another run may have fetched it since this run looked
        Feed feed = feeds.find(key).orElseGet(() -> Feed.unknown(key));
        if (feed.freshAt(now)) {
            return reused(source, feed);
        }
        if (feed.heldAt(now)) {
            return new SourceRead(source, feed.id(), feed.title(), SourceOutcome.FAILED, "Not fetched before "
                    + feed.nextFetchNotBefore() + " after " + feed.consecutiveFailures() + " failures in a row (last: "
                    + feed.lastError() + ")", 0, 0, false);
        }
        try {
            return source.type() == SourceType.REDDIT ? readListing(source, feed, now) : readFeed(source, feed, now);
        } catch (FetchException e) {
            if (e.ours()) {
                // this instance's own queue was too long: nothing the feed did, so nothing held against it
                return new SourceRead(source, feed.id(), feed.title(), SourceOutcome.FAILED, e.getMessage(), 0, 0, false);
            }
            Instant notBefore = later(backoff(feed.consecutiveFailures() + 1, now), e.retryAfter());
            feeds.failed(feed, source.type(), e.getMessage(), now, notBefore);
            log.info("Source {} failed: {}", source.name(), e.getMessage());
            return new SourceRead(source, feed.id(), feed.title(), SourceOutcome.FAILED, e.getMessage(), 0, 0,
                    e.status() == 404 || e.status() == 410 || e.getMessage().startsWith("Refused"));
        } catch (FeedParseException e) {
            feeds.failed(feed, source.type(), e.getMessage(), now, backoff(feed.consecutiveFailures() + 1, now));
            log.info("Source {} is not readable: {}", source.name(), e.getMessage());
            return new SourceRead(source, feed.id(), feed.title(), SourceOutcome.FAILED, e.getMessage(), 0, 0, true);
        } catch (DataAccessException e) {
            throw e; // the database, not the source: the run is retried
        } catch (RuntimeException e) {
            // a response no test foresaw is this source's failure (and backed off), never the end of the run
            log.warn("Source {} could not be read", source.name(), e);
            String reason = "Could not be read (" + e + ")";
            feeds.failed(feed, source.type(), reason, now, backoff(feed.consecutiveFailures() + 1, now));
            return new SourceRead(source, feed.id(), feed.title(), SourceOutcome.FAILED, reason, 0, 0, false);
        }
    }

    private SourceRead readFeed(ScrapeSource source, Feed feed, Instant now) throws FetchException, FeedParseException {
        FetchResponse response = fetcher.fetch(FetchRequest.conditional(URI.create(feed.location()), feed.etag(),
                feed.lastModified()));
        Instant freshUntil = now.plus(freshness(response.maxAge()));
        if (response.notModified()) {
            feeds.notModified(feed, source.type(), response.header("etag") != null ? response.header("etag") : feed.etag(),
                    response.header("last-modified") != null ? response.header("last-modified") : feed.lastModified(),
                    now, freshUntil);
            rememberMove(feed, response);
            return new SourceRead(source, feed.id(), feed.title(), SourceOutcome.NOT_MODIFIED, null, feed.itemsRead(), 0, false);
        }
        ParsedFeed parsed = parse(response);
        int added = feeds.fetched(feed, source.type(), parsed.title(), response.header("etag"),
                response.header("last-modified"), parsed.items(), now, freshUntil);
        rememberMove(feed, response);
        return new SourceRead(source, feed.id(), parsed.title(), SourceOutcome.FETCHED, null, parsed.items().size(),
                added, false);
    }

    /**
     * Parsing is CPU work: as many at once as there are cores, however many fetches wait on the network.
     * Dozens of documents parsed at once on two cores only take turns and crowd each other's caches.
     */
    private ParsedFeed parse(FetchResponse response) throws FeedParseException {
        parsing.acquireUninterruptibly();
        try {
            return parser.parse(response.body(), response.header("content-type"), response.url());
        } finally {
            parsing.release();
        }
    }

    private SourceRead readListing(ScrapeSource source, Feed feed, Instant now) throws FetchException, FeedParseException {
        ParsedFeed parsed = reddit.read(source.subreddit(), source.sort(), source.timeWindow(), policy.listingSize());
        int added = feeds.fetched(feed, source.type(), parsed.title(), null, null, parsed.items(), now,
                now.plus(policy.freshness()));
        return new SourceRead(source, feed.id(), parsed.title(), SourceOutcome.FETCHED, null, parsed.items().size(),
                added, false);
    }

    /** What a source's items are stored under: its feed's URL, or its listing. */
    private String feedKey(ScrapeSource source) throws FetchException, FeedParseException {
        return switch (source.type()) {
            case RSS, ATOM -> source.url();
            case BLOG -> discovered.blogFeed(source.url()).toString();
            case YOUTUBE -> discovered.youtubeFeed(source.url()).toString();
            case REDDIT -> source.name();
        };
    }

    private Duration freshness(Duration maxAge) {
        if (maxAge == null || maxAge.compareTo(policy.freshness()) <= 0) {
            return policy.freshness();
        }
        return maxAge.compareTo(policy.maxFreshness()) > 0 ? policy.maxFreshness() : maxAge;
    }

    /** A first failure may be a blip and is retried at once; from the second on, the wait doubles. */
    private Instant backoff(int failures, Instant now) {
        if (failures < 2) {
            return null;
        }
        Duration wait = policy.failureBackoff().multipliedBy(1L << Math.min(failures - 2, 20));
        return now.plus(wait.compareTo(policy.maxFailureBackoff()) > 0 ? policy.maxFailureBackoff() : wait);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
