package dev.pulse.generate.llm;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a model's rewrite may be used: every field present and within its length, no markup, no
 * link that the input did not have, summaries only for stories that exist. The reason if not.
 */
final class RewriteCheck {

    static final int SUBJECT = 70;
    static final int INTRO = 400;
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s)\\]>\"']+");
    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]|&[a-zA-Z]+;|&#");

    private RewriteCheck() {
    }

    static String problem(Rewrite rewrite, Set<String> storyNumbers, Set<String> inputUrls, int summaryLength) {
        if (rewrite.subject() == null || rewrite.subject().isBlank() || rewrite.subject().length() > SUBJECT) {
            return "subject missing or longer than " + SUBJECT + " characters";
        }
        if (rewrite.intro() == null || rewrite.intro().isBlank() || rewrite.intro().length() > INTRO) {
            return "intro missing or longer than " + INTRO + " characters";
        }
        for (Map.Entry<String, String> summary : rewrite.summaries().entrySet()) {
            if (!storyNumbers.contains(summary.getKey())) {
                return "a summary for story " + summary.getKey() + ", which does not exist";
            }
            if (summary.getValue() == null || summary.getValue().isBlank() || summary.getValue().length() > summaryLength) {
                return "summary of story " + summary.getKey() + " missing or longer than " + summaryLength + " characters";
            }
        }
        List<String> texts = new java.util.ArrayList<>(rewrite.summaries().values());
        texts.add(rewrite.subject());
        texts.add(rewrite.intro());
        for (String text : texts) {
            if (MARKUP.matcher(text).find()) {
                return "markup in the text";
            }
            Matcher url = URL.matcher(text);
            while (url.find()) {
                String found = url.group().replaceAll("[.,;:!?]+$", "");
                if (inputUrls.stream().noneMatch(known -> known.contains(found) || found.contains(known))) {
                    return "a link that was not in the input: " + found;
                }
            }
        }
        return null;
    }
}
