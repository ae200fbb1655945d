package dev.pulse.generate.compose;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The same story from two feeds appears once: items are one story when their URLs are the same
 * (ignoring scheme, {@code www.} and a trailing slash) or their titles are near-identical (the same
 * words, or at least {@value #SIMILAR} of them shared, for titles of four words or more). The best
 * ranked item speaks for the story; every source is credited.
 */
final class Deduplication {

    static final double SIMILAR = 0.8;

    private Deduplication() {
    }

    /** {@code ranked} best first; the answer keeps that order. */
    static List<Story> merge(List<Story> ranked) {
        List<Story> stories = new ArrayList<>();
        List<Set<String>> words = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (Story candidate : ranked) {
            String url = urlKey(candidate.url());
            Set<String> titleWords = words(candidate.title());
            int same = -1;
            for (int i = 0; i < stories.size() && same < 0; i++) {
                if (urls.get(i).equals(url) || similar(words.get(i), titleWords)) {
                    same = i;
                }
            }
            if (same < 0) {
                stories.add(candidate);
                words.add(titleWords);
                urls.add(url);
            } else {
                stories.set(same, absorb(stories.get(same), candidate));
            }
        }
        return stories;
    }

    private static Story absorb(Story kept, Story duplicate) {
        List<java.util.UUID> ids = new ArrayList<>(kept.itemIds());
        ids.addAll(duplicate.itemIds());
        Set<String> credits = new LinkedHashSet<>(kept.credits());
        credits.addAll(duplicate.credits());
        return new Story(ids, kept.title(), kept.url(), kept.summary() != null ? kept.summary() : duplicate.summary(),
                kept.imageUrl() != null ? kept.imageUrl() : duplicate.imageUrl(), new ArrayList<>(credits), kept.group(),
                kept.publishedAt(), kept.rank());
    }

    static String urlKey(String url) {
        String key = url.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    }

    static Set<String> words(String title) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        return plain.isEmpty() ? Set.of() : new LinkedHashSet<>(List.of(plain.split(" ")));
    }

    static boolean similar(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        if (a.size() < 4 || b.size() < 4) {
            return false;
        }
        Set<String> shared = new HashSet<>(a);
        shared.retainAll(b);
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return (double) shared.size() / all.size() >= SIMILAR;
    }
}
