package dev.pulse.generate.compose;

import java.util.List;

/**
 * A subject from the top stories' titles, joined by " · " while they fit in {@value #MAX} characters;
 * a first title that is too long alone is cut at a word end. Trailing punctuation is trimmed from each
 * title, so no subject ends in ":" or " -" or "!!!".
 */
final class SubjectLine {

    static final int MAX = 70;
    private static final String JOIN = " · ";

    private SubjectLine() {
    }

    static String of(List<Story> top) {
        StringBuilder subject = new StringBuilder();
        for (Story story : top) {
            String title = trimmed(story.title());
            if (title.isEmpty()) {
                continue;
            }
            if (subject.length() == 0) {
                subject.append(title.length() <= MAX ? title : cut(title));
            } else if (subject.length() + JOIN.length() + title.length() <= MAX) {
                subject.append(JOIN).append(title);
            } else {
                break;
            }
        }
        return subject.toString();
    }

    private static String cut(String title) {
        int word = title.lastIndexOf(' ', MAX - 1);
        String head = word > MAX / 2 ? title.substring(0, word) : title.substring(0, MAX - 1);
        return trimmed(head) + "…";
    }

    static String trimmed(String title) {
        String text = title.strip().replaceAll("\\s+", " ");
        int end = text.length();
        while (end > 0 && ":;,.-–—|/!?·•*~_ ".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        String head = text.substring(0, end);
        // keep one closing ! or ? that belongs to the title
        return end < text.length() && (text.charAt(end) == '?' || text.charAt(end) == '!') ? head + text.charAt(end) : head;
    }
}
