package dev.pulse.generate.run;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.pulse.contracts.messages.ContentItem;
import dev.pulse.contracts.messages.ContentScraped;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.PulseMessage;
import dev.pulse.contracts.messages.Tone;
import dev.pulse.generate.compose.Composer;
import dev.pulse.generate.compose.Newsletter;
import dev.pulse.generate.content.StoredContent;
import dev.pulse.generate.llm.Rewriter;
import dev.pulse.generate.newsletter.NewsletterRepository;
import dev.pulse.generate.newsletter.StoredNewsletter;
import dev.pulse.generate.render.NewsletterRenderer;
import dev.pulse.stage.PermanentStageFailure;
import dev.pulse.stage.StageHandler;
import dev.pulse.stage.StageInput;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generate stage: the scraped items (or, when the plan starts here, the workspace's stored ones)
 * composed (the optional model rewriting its words), rendered into one newsletter per execution, kept,
 * and announced. A redelivery or a replay answers with the kept newsletter, so the model is asked once
 * per execution. Nothing usable to send is {@code NO_CONTENT}, not retried.
 */
@Component
public class GenerateStage implements StageHandler {

    private final Composer composer;
    private final NewsletterRenderer renderer;
    private final NewsletterRepository newsletters;
    private final StoredContent stored;
    private final RunPolicy policy;
    private final Rewriter rewriter;
    private final JsonMapper json;
    private final Clock clock;

    GenerateStage(Composer composer, NewsletterRenderer renderer, NewsletterRepository newsletters, StoredContent stored,
            RunPolicy policy, Rewriter rewriter, JsonMapper json, Clock clock) {
        this.rewriter = rewriter;
        this.json = json;
        this.composer = composer;
        this.renderer = renderer;
        this.newsletters = newsletters;
        this.stored = stored;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public PulseMessage handle(StageInput input) {
        Envelope envelope = input.envelope();
        Optional<StoredNewsletter> kept = newsletters.forExecution(envelope.executionId());
        if (kept.isPresent()) {
            return event(input, kept.get());
        }
        JobConfig config = envelope.config();
        // as PostgreSQL keeps it (microseconds), so the event is the same whether made now or read back later
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<ContentItem> items = input.message() instanceof ContentScraped scraped ? scraped.items()
                : stored.recent(envelope.workspaceId(), now.minus(Duration.ofDays(daysBack(config))), policy.storedItems());
        Set<UUID> used = newsletters.usedSince(envelope.workspaceId(), envelope.executionId(), now.minus(policy.usedWindow()));
        // ranked against the input's own time, not the clock: the same input gives the same newsletter
        Newsletter newsletter = composer.compose(items, used, config.maxItems(), config.tone(), input.message().envelope().occurredAt());
        if (newsletter == null) {
            throw new PermanentStageFailure("NO_CONTENT", items.isEmpty()
                    ? "No items to write about: the sources gave nothing within days_back"
                    : "All " + items.size() + " items were already in this workspace's recent newsletters");
        }
        Rewriter.Outcome rewritten = rewriter.rewrite(newsletter, (config.tone() == null ? Tone.PROFESSIONAL
                : config.tone()).name().toLowerCase(java.util.Locale.ROOT));
        NewsletterRenderer.Rendered rendered = renderer.render(rewritten.newsletter());
        Newsletter shown = rendered.newsletter();
        StoredNewsletter made = new StoredNewsletter(newsletterId(envelope.executionId()), envelope.executionId(),
                shown.subject(), shown.preheader(), rendered.html(), rendered.text(), shown.storyCount(), shown.itemIds(),
                rewritten.used(), rewritten.used() ? json.writeValueAsString(rewritten.accepted()) : null,
                rewritten.fallback(), envelope.testMode(), now);
        return event(input, newsletters.keep(made, envelope.jobId(), envelope.workspaceId()));
    }

    private int daysBack(JobConfig config) {
        return config.daysBack() == null ? policy.defaultDaysBack() : config.daysBack();
    }

    private static NewsletterGenerated event(StageInput input, StoredNewsletter newsletter) {
        return new NewsletterGenerated(input.reply(newsletter.createdAt()), newsletter.id(), newsletter.subject(),
                newsletter.html(), newsletter.text(), newsletter.itemCount(), newsletter.itemIds(), newsletter.llmUsed(),
                newsletter.llmFallback());
    }

    static UUID newsletterId(UUID executionId) {
        return UUID.nameUUIDFromBytes(("newsletter/" + executionId).getBytes(StandardCharsets.UTF_8));
    }
}
