package dev.pulse.generate.compose;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        Map<String, Integer> byUrl = new HashMap<>();
        Map<Set<String>, Integer> byTitle = new HashMap<>();
        for (Story candidate : ranked) {
            String url = urlKey(candidate.url());
            Set<String> titleWords = words(candidate.title());
            Integer same = byUrl.get(url);
            if (same == null && !titleWords.isEmpty()) {
                same = byTitle.get(titleWords);
            }
            for (int i = 0; i < stories.size() && same == null; i++) {
                if (similar(words.get(i), titleWords)) {
                    same = i;
                }
            }
            if (same == null) {
                byUrl.put(url, stories.size());
                byTitle.putIfAbsent(titleWords, stories.size());
                stories.add(candidate);
                words.add(titleWords);
            } else {
                byUrl.putIfAbsent(url, same);
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
        String plain = Normalizer.normalize(title, Normalizer.Form.NFKD);
        Set<String> words = new java.util.HashSet<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= plain.length(); i++) {
            char c = i < plain.length() ? plain.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (Character.getType(c) != Character.NON_SPACING_MARK && word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        return words;
    }

    static boolean similar(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        int small = Math.min(a.size(), b.size());
        int large = Math.max(a.size(), b.size());
        // the shares of two sets can be at most small / large alike: most pairs end here
        if (small < 4 || (double) small / large < SIMILAR) {
            return a.equals(b);
        }
        Set<String> fewer = a.size() <= b.size() ? a : b;
        Set<String> more = fewer == a ? b : a;
        int shared = 0;
        for (String word : fewer) {
            if (more.contains(word)) {
                shared++;
            }
        }
        return (double) shared / (a.size() + b.size() - shared) >= SIMILAR;
    }
}
