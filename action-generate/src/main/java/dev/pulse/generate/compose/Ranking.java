package dev.pulse.generate.compose;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.pulse.contracts.messages.ContentItem;

/**
 * How much an item deserves a place: engagement (Reddit score and comments, as a share of the best of
 * its own source, so a big subreddit does not drown a small one; feeds have none and count as average)
 * times recency (halving every {@code halfLife} before the reference instant; undated items count as
 * a half-life old). Ties go to the newer item, then to the URL, so the order is always the same.
 */
final class Ranking {

    private static final double NO_ENGAGEMENT = 0.5;

    private Ranking() {
    }

    static List<Story> rank(List<ContentItem> items, Instant reference, Duration halfLife, int summaryLength) {
        Map<String, double[]> best = new HashMap<>(); // per source: most score, most comments
        for (ContentItem item : items) {
            double[] most = best.computeIfAbsent(item.source(), s -> new double[2]);
            most[0] = Math.max(most[0], item.score());
            most[1] = Math.max(most[1], item.comments());
        }
        List<Story> stories = new ArrayList<>(items.size());
        for (ContentItem item : items) {
            double[] most = best.get(item.source());
            double engagement = most[0] <= 0 && most[1] <= 0 ? NO_ENGAGEMENT
                    : 0.7 * share(item.score(), most[0]) + 0.3 * share(item.comments(), most[1]);
            double ageHours = item.publishedAt() == null ? halfLife.toMinutes() / 60.0
                    : Math.max(0, Duration.between(item.publishedAt(), reference).toMinutes() / 60.0);
            double recency = Math.pow(0.5, ageHours / (halfLife.toMinutes() / 60.0));
            String group = item.sourceTitle() != null && !item.sourceTitle().isBlank() ? item.sourceTitle() : item.source();
            stories.add(new Story(List.of(item.id()), item.title(), item.url(), Summaries.cut(item.summary(), summaryLength),
                    item.imageUrl(), List.of(group), group, item.publishedAt(), (0.25 + engagement) * recency));
        }
        stories.sort(Comparator.comparingDouble(Story::rank).reversed()
                .thenComparing(Story::publishedAt, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Story::url));
        return stories;
    }

    private static double share(double value, double most) {
        return most <= 0 ? 0 : Math.max(0, value) / most;
    }
}
