package dev.pulse.scrape.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import dev.pulse.contracts.messages.ContentItem;
import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.PulseMessage;
import dev.pulse.contracts.messages.SourceOutcome;
import dev.pulse.contracts.messages.SourceReport;
import dev.pulse.scrape.feed.FeedReader;
import dev.pulse.scrape.feed.ItemSelection;
import dev.pulse.scrape.feed.SourceRead;
import dev.pulse.scrape.feed.StoredItem;
import dev.pulse.scrape.source.ScrapeSource;
import dev.pulse.scrape.source.SourceResolver;
import dev.pulse.stage.PermanentStageFailure;
import dev.pulse.stage.StageHandler;
import dev.pulse.stage.StageInput;

/**
 * The scrape stage: the run's sources read concurrently, then its selection (the items of those sources
 * within days_back, newest first) kept as the execution's one answer. A redelivered input gets the kept
 * answer. One failed source makes the result partial; all of them failing fails the stage — at once
 * when none of them can work as configured, else through the runtime's retries.
 */
@Component
public class ScrapeStage implements StageHandler {

    private static final Logger log = LoggerFactory.getLogger(ScrapeStage.class);

    private final SourceResolver sources;
    private final FeedReader reader;
    private final ItemSelection selection;
    private final ScrapeResults results;
    private final RunPolicy policy;
    private final ExecutorService pool;
    private final Clock clock;

    ScrapeStage(SourceResolver sources, FeedReader reader, ItemSelection selection, ScrapeResults results,
            RunPolicy policy, @Qualifier("sourceReaders") ExecutorService pool, Clock clock) {
        this.sources = sources;
        this.reader = reader;
        this.selection = selection;
        this.results = results;
        this.policy = policy;
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public PulseMessage handle(StageInput input) {
        Envelope envelope = input.envelope();
        Optional<ContentScraped> answered = results.answered(envelope);
        if (answered.isPresent()) {
            return answered.get();
        }
        List<ScrapeSource> toRead = sources.resolve(envelope.workspaceId(), envelope.config().sources());
        if (toRead.isEmpty()) {
            throw new PermanentStageFailure("NO_SOURCES", envelope.config().sources().isEmpty()
                    ? "The workspace has no sources and the job names none; add one under /api/v1/workspaces/{id}/sources"
                    : "None of the workspace's sources is of the types the job names: " + envelope.config().sources());
        }
        Instant started = clock.instant();
        List<SourceRead> reads = reader.readAll(toRead, pool);
        failIfNothingWasRead(reads);
        Instant now = clock.instant();
        ContentScraped result = select(input, envelope.config(), reads, now, Duration.between(started, now));
        selection.readBy(envelope.workspaceId(), reads.stream().map(SourceRead::feedId).filter(id -> id != null).distinct().toList(), now);
        return results.keep(envelope, result, now);
    }

    private static void failIfNothingWasRead(List<SourceRead> reads) {
        if (reads.stream().anyMatch(r -> r.outcome() != SourceOutcome.FAILED)) {
            return;
        }
        String why = String.join("; ", reads.stream().map(r -> r.source().name() + ": " + r.reason()).toList());
        if (reads.stream().allMatch(SourceRead::unusable)) {
            throw new PermanentStageFailure("NO_READABLE_SOURCE", "No source can be read as configured: " + why);
        }
        throw new IllegalStateException("Every source failed: " + why);
    }

    private ContentScraped select(StageInput input, JobConfig config, List<SourceRead> reads, Instant now,
            Duration reading) {
        int maxItems = config.maxItems() == null ? policy.defaultMaxItems() : config.maxItems();
        int daysBack = config.daysBack() == null ? policy.defaultDaysBack() : config.daysBack();
        int cap = Math.min(policy.maxResultItems(), Math.max(1, maxItems) * policy.selectionFactor());
        Map<UUID, Integer> perFeed = new LinkedHashMap<>();
        Map<UUID, SourceRead> byFeed = new HashMap<>();
        for (SourceRead read : reads) {
            if (read.feedId() != null && byFeed.putIfAbsent(read.feedId(), read) == null) {
                perFeed.put(read.feedId(), read.source().limit());
            }
        }
        List<StoredItem> chosen = selection.newest(perFeed, now.minus(Duration.ofDays(daysBack)), cap);
        Map<UUID, Integer> selectedPerFeed = new HashMap<>();
        List<ContentItem> items = new ArrayList<>(chosen.size());
        for (StoredItem item : chosen) {
            SourceRead read = byFeed.get(item.feedId());
            selectedPerFeed.merge(item.feedId(), 1, Integer::sum);
            items.add(new ContentItem(item.id(), read.source().type(), read.source().name(), read.feedTitle(),
                    item.url(), item.title(), item.summary(), item.author(), item.publishedAt(), item.imageUrl(),
                    item.score(), item.comments()));
        }
        List<SourceReport> reports = reads.stream().map(r -> new SourceReport(r.source().name(), r.source().type(),
                r.outcome(), r.reason(), r.itemsRead(), r.itemsNew(),
                r.feedId() == null || byFeed.get(r.feedId()) != r ? 0 : selectedPerFeed.getOrDefault(r.feedId(), 0)))
                .toList();
        log.info("Scraped {} sources ({} failed) in {} ms, selected {} items in {} ms", reads.size(),
                reads.stream().filter(r -> r.outcome() == SourceOutcome.FAILED).count(), reading.toMillis(), items.size(),
                Duration.between(now, clock.instant()).toMillis());
        return new ContentScraped(input.reply(now), items, reports);
    }
}
