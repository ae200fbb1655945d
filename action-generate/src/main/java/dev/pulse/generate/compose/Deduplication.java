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
        Map<String, Integer> byUrl = new HashMap<>();
        Map<Set<String>, Integer> byTitle = new HashMap<>();
        // word -> stories whose title has it: shared words are counted, not searched for, pair by pair
        Map<String, Holders> postings = new HashMap<>();
        Counts counts = new Counts(ranked.size());
        for (Story candidate : ranked) {
            String url = urlKey(candidate.url());
            Set<String> titleWords = words(candidate.title());
            Integer same = byUrl.get(url);
            if (same == null && !titleWords.isEmpty()) {
                same = byTitle.get(titleWords);
            }
            if (same == null && titleWords.size() >= 4) {
                same = nearIdentical(titleWords, postings, counts);
            }
            if (same == null) {
                int index = stories.size();
                byUrl.put(url, index);
                byTitle.putIfAbsent(titleWords, index);
                titleWords.forEach(word -> postings.computeIfAbsent(word, w -> new Holders()).add(index));
                stories.add(candidate);
                counts.size[index] = titleWords.size();
            } else {
                byUrl.putIfAbsent(url, same);
                stories.set(same, absorb(stories.get(same), candidate));
            }
        }
        return stories;
    }

    /** The first kept story whose title shares at least {@value #SIMILAR} of the words (Jaccard), if any. */
    private static Integer nearIdentical(Set<String> words, Map<String, Holders> postings, Counts counts) {
        int[] shared = counts.shared;
        int touched = 0;
        for (String word : words) {
            Holders holders = postings.get(word);
            if (holders == null) {
                continue;
            }
            for (int i = 0; i < holders.size; i++) {
                int story = holders.stories[i];
                if (shared[story]++ == 0) {
                    counts.touched[touched++] = story;
                }
            }
        }
        int found = -1;
        for (int i = 0; i < touched; i++) {
            int story = counts.touched[i];
            int both = shared[story];
            int size = counts.size[story];
            if (size >= 4 && (double) both / (words.size() + size - both) >= SIMILAR && (found < 0 || story < found)) {
                found = story;
            }
            shared[story] = 0;
        }
        return found < 0 ? null : found;
    }

    /** The stories holding one word, as plain ints: this loop runs for every word of every title. */
    private static final class Holders {
        int[] stories = new int[8];
        int size;

        void add(int story) {
            if (size == stories.length) {
                stories = java.util.Arrays.copyOf(stories, size * 2);
            }
            stories[size++] = story;
        }
    }

    /** Scratch space of one merge: words shared with each kept story, the stories touched, each title's size. */
    private static final class Counts {
        final int[] shared;
        final int[] touched;
        final int[] size;

        Counts(int stories) {
            shared = new int[stories];
            touched = new int[stories];
            size = new int[stories];
        }
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
        String key = url.toLowerCase(Locale.ROOT);
        key = key.startsWith("https://") ? strip(key, "https://") : strip(key, "http://");
        key = strip(key, "www.");
        return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
    }

    private static String strip(String text, String prefix) {
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
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
