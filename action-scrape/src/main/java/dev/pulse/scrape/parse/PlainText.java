package dev.pulse.scrape.parse;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Markup from a feed as plain text: only what a jsoup allow-list of text and block tags keeps, so
 * links, images, scripts and styles are gone; blocks and line breaks become spaces; entities decoded;
 * whitespace collapsed. Text without markup skips the parser.
 */
public final class PlainText {

    /**
     * Text, plus the tags that separate it, without attributes: they are what makes "one<br>two" and
     * "<p>One.</p><p>Two.</p>" read as two words or sentences instead of one run-together word.
     */
    private static final Cleaner TEXT_ONLY = new Cleaner(Safelist.none().addTags("br", "p", "div", "li", "dt", "dd",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "tr", "td", "th", "figcaption", "section",
            "article", "header", "footer", "aside"));

    private static final Pattern HTML_TAG = Pattern.compile("</?(?:a|abbr|acronym|address|article|aside|b|big|blockquote"
            + "|br|center|cite|code|del|dfn|div|em|embed|figure|font|h[1-6]|hr|i|iframe|img|ins|kbd|li|mark|object|ol|p"
            + "|pre|q|s|samp|script|section|small|span|strike|strong|style|sub|sup|svg|table|td|th|tr|tt|u|ul|var)"
            + "(?:\\s[^>]*)?/?>", Pattern.CASE_INSENSITIVE);

    private PlainText() {
    }

    public static String of(String html) {
        if (html == null) {
            return null;
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return nonEmpty(collapsed(html));
        }
        return of(Jsoup.parseBodyFragment(html));
    }

    /**
     * Text that is HTML only when it looks like HTML (a tag HTML has, as feedparser judges): a title
     * such as {@code Option<T> and <dialog>} stays as written; {@code <b>Bold</b> news} becomes text.
     */
    public static String ofText(String text) {
        if (text == null || text.indexOf('<') < 0 || HTML_TAG.matcher(text).find()) {
            return of(text);
        }
        String decoded = text.indexOf('&') < 0 ? text : Parser.unescapeEntities(text, false);
        return nonEmpty(collapsed(decoded.strip()));
    }

    static String of(Document html) {
        return nonEmpty(TEXT_ONLY.clean(html).body().text().strip());
    }

    /** {@link #of} cut to at most {@code max} characters, at a sentence or word end, marked with an ellipsis. */
    public static String summary(String html, int max) {
        return cut(of(html), max);
    }

    public static String cut(String text, int max) {
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

    private static String collapsed(String text) {
        if (!needsCollapsing(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Already single-spaced, without leading or trailing space: the usual title, kept as it is. */
    private static boolean needsCollapsing(String text) {
        int last = text.length() - 1;
        if (last < 0 || text.charAt(0) <= ' ' || text.charAt(last) <= ' ') {
            return true;
        }
        for (int i = 1; i < last; i++) {
            char c = text.charAt(i);
            if (c < ' ' || c == ' ' && text.charAt(i + 1) == ' ' || c > 126 && Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    private static String nonEmpty(String text) {
        return text.isEmpty() ? null : text;
    }
}
