package dev.pulse.scrape.config;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.scrape.discovery.FeedDiscovery;
import dev.pulse.scrape.feed.FeedPolicy;
import dev.pulse.scrape.fetch.FetchSettings;
import dev.pulse.scrape.fetch.HttpFetcher;
import dev.pulse.scrape.fetch.HttpFetchers;
import dev.pulse.scrape.parse.FeedParser;
import dev.pulse.scrape.reddit.RedditClient;
import dev.pulse.scrape.reddit.RedditSettings;
import dev.pulse.scrape.run.RunPolicy;
import dev.pulse.scrape.run.ScrapeStage;
import dev.pulse.stage.Stage;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScrapeProperties.class)
class ScrapeConfiguration {

    /** The topics this service reads and writes; they are created on start and checked by health. */
    @Bean
    ServiceTopics serviceTopics() {
        return ServiceTopics.ACTION_SCRAPE;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    HttpFetcher httpFetcher(ScrapeProperties properties, Clock clock) {
        ScrapeProperties.Fetch fetch = properties.fetch();
        return HttpFetchers.create(new FetchSettings(fetch.userAgent(), fetch.connectTimeout(), fetch.readTimeout(),
                fetch.totalTimeout(), fetch.maxBody().toBytes(), fetch.maxRedirects(), fetch.perHost(),
                fetch.maxConnections(), fetch.maxRetryAfter(), fetch.allowedNetworks()), clock);
    }

    @Bean
    FeedParser feedParser(ScrapeProperties properties) {
        return new FeedParser(properties.fetch().maxSummaryLength());
    }

    @Bean
    RedditClient redditClient(HttpFetcher fetcher, ScrapeProperties properties, JsonMapper json, Clock clock) {
        ScrapeProperties.Reddit reddit = properties.reddit();
        return new RedditClient(fetcher, new RedditSettings(reddit.baseUrl(), reddit.oauthBaseUrl(), reddit.clientId(),
                reddit.clientSecret(), reddit.userAgent(), reddit.maxRateWait()), json,
                properties.fetch().maxSummaryLength(), clock);
    }

    @Bean
    FeedDiscovery feedDiscovery(HttpFetcher fetcher, ScrapeProperties properties) {
        return new FeedDiscovery(fetcher, properties.youtube().baseUrl());
    }

    @Bean
    FeedPolicy feedPolicy(ScrapeProperties properties) {
        ScrapeProperties.Feeds feeds = properties.feeds();
        return new FeedPolicy(feeds.freshness(), feeds.maxFreshness(), feeds.failureBackoff(), feeds.maxFailureBackoff(),
                feeds.listingSize());
    }

    /** The threads that read sources, shared by all runs; each fetch also waits for its host's slot. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService sourceReaders(ScrapeProperties properties) {
        int threads = properties.run().parallelSources();
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, "source-reader-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    RunPolicy runPolicy(ScrapeProperties properties) {
        ScrapeProperties.Run run = properties.run();
        return new RunPolicy(run.selectionFactor(), run.maxResultItems(), run.defaultMaxItems(), run.defaultDaysBack());
    }

    @Bean
    Stage stage(ScrapeStage handler) {
        return new Stage(Action.SCRAPE, handler);
    }
}
