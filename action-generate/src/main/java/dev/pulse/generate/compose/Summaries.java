package dev.pulse.generate.compose;

/** A summary cut at the last sentence end that fits, else at a word end with an ellipsis. */
final class Summaries {

    private Summaries() {
    }

    static String cut(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String summary = text.strip();
        if (summary.length() <= max) {
            return summary;
        }
        String head = summary.substring(0, max);
        int sentence = -1;
        for (int i = head.length() - 1; i > 0 && sentence < 0; i--) {
            char c = head.charAt(i - 1);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(head.charAt(i))) {
                sentence = i;
            }
        }
        if (sentence >= max / 5) {
            return head.substring(0, sentence);
        }
        int word = head.lastIndexOf(' ', max - 1);
        return (word > 0 ? head.substring(0, word) : head.substring(0, max - 1)).stripTrailing() + "…";
    }
}
