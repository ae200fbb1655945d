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
        List<Set<String>> titles = ranked.stream().map(story -> words(story.title())).toList();
        Map<String, Integer> frequency = new HashMap<>();
        titles.forEach(title -> title.forEach(word -> frequency.merge(word, 1, Integer::sum)));
        List<Story> stories = new ArrayList<>();
        List<Set<String>> storyWords = new ArrayList<>();
        Map<String, Integer> byUrl = new HashMap<>();
        Map<Set<String>, Integer> byTitle = new HashMap<>();
        Map<String, List<Integer>> postings = new HashMap<>(); // word -> stories whose title has it
        for (int n = 0; n < ranked.size(); n++) {
            Story candidate = ranked.get(n);
            Set<String> titleWords = titles.get(n);
            String url = urlKey(candidate.url());
            Integer same = byUrl.get(url);
            if (same == null && !titleWords.isEmpty()) {
                same = byTitle.get(titleWords);
            }
            if (same == null && titleWords.size() >= 4) {
                same = nearIdentical(titleWords, frequency, postings, storyWords);
            }
            if (same == null) {
                int index = stories.size();
                byUrl.put(url, index);
                byTitle.putIfAbsent(titleWords, index);
                titleWords.forEach(word -> postings.computeIfAbsent(word, w -> new ArrayList<>(4)).add(index));
                stories.add(candidate);
                storyWords.add(titleWords);
            } else {
                byUrl.putIfAbsent(url, same);
                stories.set(same, absorb(stories.get(same), candidate));
            }
        }
        return stories;
    }

    /**
     * The first kept story whose title shares at least {@value #SIMILAR} of the words (Jaccard), if any.
     * Two such titles must share one of the candidate's rarest |A| − ⌈0.8·|A|⌉ + 1 words (prefix
     * filtering), so only the stories holding those are compared: common words never fan out.
     */
    private static Integer nearIdentical(Set<String> words, Map<String, Integer> frequency,
            Map<String, List<Integer>> postings, List<Set<String>> storyWords) {
        int probe = words.size() - (int) Math.ceil(SIMILAR * words.size()) + 1;
        List<String> rarest = words.stream().sorted((a, b) -> {
            int byFrequency = Integer.compare(frequency.get(a), frequency.get(b));
            return byFrequency != 0 ? byFrequency : a.compareTo(b);
        }).limit(probe).toList();
        Integer found = null;
        for (String word : rarest) {
            for (int story : postings.getOrDefault(word, List.of())) {
                if ((found == null || story < found) && jaccard(words, storyWords.get(story)) >= SIMILAR) {
                    found = story;
                }
            }
        }
        return found;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (b.size() < 4) {
            return 0;
        }
        int shared = 0;
        for (String word : a) {
            if (b.contains(word)) {
                shared++;
            }
        }
        return (double) shared / (a.size() + b.size() - shared);
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
