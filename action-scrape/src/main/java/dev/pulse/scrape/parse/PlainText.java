package dev.pulse.scrape.parse;

import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;

/** Markup from a feed as plain text: tags, scripts and styles gone, entities decoded, whitespace collapsed. */
public final class PlainText {

    private PlainText() {
    }

    public static String of(String html) {
        if (html == null) {
            return null;
        }
        String text = Jsoup.parse(Jsoup.clean(html, Safelist.none())).text().strip();
        return text.isEmpty() ? null : text;
    }

    /** {@link #of} cut to at most {@code max} characters, at a sentence or word end, marked with an ellipsis. */
    public static String summary(String html, int max) {
        String text = of(html);
        if (text == null || text.length() <= max) {
            return text;
        }
        String head = text.substring(0, max - 1);
        int sentence = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf("! "), head.lastIndexOf("? ")));
        if (sentence >= max / 2) {
            return head.substring(0, sentence + 1);
        }
        int word = head.lastIndexOf(' ');
        return (word >= max / 2 ? head.substring(0, word) : head).stripTrailing() + "…";
    }
}
