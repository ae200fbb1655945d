package dev.pulse.generate.compose;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.pulse.contracts.messages.ContentItem;
import dev.pulse.contracts.messages.Tone;

/**
 * The deterministic newsletter: items ranked, duplicates merged, items already used by the workspace's
 * recent newsletters left out, the best {@code maxItems} grouped by source, a subject from the top
 * stories and copy in the job's tone. No network, no clock: the same input gives the same newsletter.
 */
public final class Composer {

    private final ComposeSettings settings;

    public Composer(ComposeSettings settings) {
        this.settings = settings;
    }

    /** Null when nothing is left to send (no items, or all of them already used). */
    public Newsletter compose(List<ContentItem> items, Set<UUID> alreadyUsed, Integer maxItems, Tone tone,
            Instant reference) {
        List<ContentItem> fresh = items.stream().filter(i -> !alreadyUsed.contains(i.id())).toList();
        List<Story> stories = Deduplication.merge(Ranking.rank(fresh, reference, settings.halfLife(),
                settings.summaryLength()));
        int max = maxItems == null || maxItems < 1 ? settings.defaultMaxItems() : maxItems;
        int perGroup = Math.max(settings.perSource(), (max + 2) / 3);
        List<Section> sections = Grouping.sections(stories, max, perGroup);
        if (sections.isEmpty()) {
            return null;
        }
        List<Story> top = sections.stream().flatMap(s -> s.stories().stream())
                .sorted((a, b) -> Double.compare(b.rank(), a.rank())).limit(3).toList();
        int count = sections.stream().mapToInt(s -> s.stories().size()).sum();
        ToneCopy.Copy copy = ToneCopy.of(tone, count);
        List<UUID> used = new ArrayList<>();
        sections.forEach(s -> s.stories().forEach(story -> used.addAll(story.itemIds())));
        return new Newsletter(SubjectLine.of(top), preheader(top), copy.intro(), sections, copy.outro(), used);
    }

    private static String preheader(List<Story> top) {
        String line = String.join(" · ", top.stream().map(s -> SubjectLine.trimmed(s.title())).toList());
        if (line.length() <= 110) {
            return line;
        }
        int word = line.lastIndexOf(' ', 109);
        return line.substring(0, word > 55 ? word : 109) + "…";
    }
}
