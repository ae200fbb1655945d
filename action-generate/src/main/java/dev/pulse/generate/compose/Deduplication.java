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
        List<Integer> sizes = new ArrayList<>();
        Map<String, Integer> byUrl = new HashMap<>();
        Map<Set<String>, Integer> byTitle = new HashMap<>();
        // word -> stories whose title has it: shared words are counted, not searched for, pair by pair
        Map<String, List<Integer>> postings = new HashMap<>();
        int[] shared = new int[ranked.size()];
        List<Integer> touched = new ArrayList<>();
        for (Story candidate : ranked) {
            String url = urlKey(candidate.url());
            Set<String> titleWords = words(candidate.title());
            Integer same = byUrl.get(url);
            if (same == null && !titleWords.isEmpty()) {
                same = byTitle.get(titleWords);
            }
            if (same == null && titleWords.size() >= 4) {
                same = nearIdentical(titleWords, postings, sizes, shared, touched);
            }
            if (same == null) {
                int index = stories.size();
                byUrl.put(url, index);
                byTitle.putIfAbsent(titleWords, index);
                titleWords.forEach(word -> postings.computeIfAbsent(word, w -> new ArrayList<>()).add(index));
                stories.add(candidate);
                sizes.add(titleWords.size());
            } else {
                byUrl.putIfAbsent(url, same);
                stories.set(same, absorb(stories.get(same), candidate));
            }
        }
        return stories;
    }

    /** The first kept story whose title shares at least {@value #SIMILAR} of the words (Jaccard), if any. */
    private static Integer nearIdentical(Set<String> words, Map<String, List<Integer>> postings, List<Integer> sizes,
            int[] shared, List<Integer> touched) {
        for (String word : words) {
            for (int story : postings.getOrDefault(word, List.of())) {
                if (shared[story]++ == 0) {
                    touched.add(story);
                }
            }
        }
        Integer found = null;
        for (int story : touched) {
            int both = shared[story];
            int size = sizes.get(story);
            if (size >= 4 && (double) both / (words.size() + size - both) >= SIMILAR && (found == null || story < found)) {
                found = story;
            }
            shared[story] = 0;
        }
        touched.clear();
        return found;
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
}
