package dev.pulse.scrape.parse;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last repairs tried on a feed no XML parser accepts, each one a breakage real feeds have and
 * feedparser's loose mode reads through: characters XML 1.0 forbids (pasted control codes), prefixes
 * used without their namespace declared (a template that lost {@code xmlns:dc}), and HTML pasted
 * unescaped into a description ({@code <br>} left open). Only for documents that failed to parse, so a
 * well-formed feed never pays for the scans.
 */
final class XmlRepair {

    private static final Pattern FORBIDDEN_CHARACTERS =
            Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]");
    private static final Pattern USED_PREFIX = Pattern.compile("<([A-Za-z_][\\w.-]*):[A-Za-z_]|\\s([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*\\s*=");
    private static final Pattern DECLARED_PREFIX = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=");
    private static final Map<String, String> WELL_KNOWN = Map.ofEntries(
            Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
            Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
            Map.entry("media", "http://search.yahoo.com/mrss/"),
            Map.entry("atom", "http://www.w3.org/2005/Atom"),
            Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
            Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
            Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
            Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
            Map.entry("georss", "http://www.georss.org/georss"),
            Map.entry("feedburner", "http://rssnamespace.org/feedburner/ext/1.0"));
    /** Elements whose text is HTML by every RSS convention; Atom's xhtml content is real XML and left alone. */
    private static final Pattern MARKUP_START = Pattern.compile(
            "<(description|content:encoded|summary|content)(?:\\s[^>]{0,2000})?>");
    private static final Pattern XHTML = Pattern.compile("type\\s*=\\s*[\"']xhtml");

    private XmlRepair() {
    }

    static String repaired(String text) {
        return unescapedMarkupAsCdata(withUndeclaredPrefixesDeclared(FORBIDDEN_CHARACTERS.matcher(text).replaceAll("")));
    }

    private static String withUndeclaredPrefixesDeclared(String text) {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = USED_PREFIX.matcher(text);
        while (m.find()) {
            used.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        used.remove("xml");
        used.remove("xmlns");
        Matcher declared = DECLARED_PREFIX.matcher(text);
        while (declared.find()) {
            used.remove(declared.group(1));
        }
        int root = FeedParser.rootStart(text);
        if (used.isEmpty() || root >= text.length()) {
            return text;
        }
        int nameEnd = root + 1;
        while (nameEnd < text.length() && !Character.isWhitespace(text.charAt(nameEnd))
                && text.charAt(nameEnd) != '>' && text.charAt(nameEnd) != '/') {
            nameEnd++;
        }
        StringBuilder declarations = new StringBuilder();
        for (String prefix : used) {
            declarations.append(" xmlns:").append(prefix).append("=\"")
                    .append(WELL_KNOWN.getOrDefault(prefix, "urn:pulse:undeclared:" + prefix)).append('"');
        }
        return text.substring(0, nameEnd) + declarations + text.substring(nameEnd);
    }

    /** One pass: each element's end is looked for once, and an element never closed ends the repair. */
    private static String unescapedMarkupAsCdata(String text) {
        Matcher start = MARKUP_START.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int copied = 0;
        while (start.find(copied)) {
            if (start.group().endsWith("/>")) {
                out.append(text, copied, start.end());
                copied = start.end();
                continue;
            }
            int end = text.indexOf("</" + start.group(1), start.end());
            if (end < 0) {
                break;
            }
            String inner = text.substring(start.end(), end);
            out.append(text, copied, start.end());
            if (inner.indexOf('<') >= 0 && !inner.contains("<![CDATA[") && !XHTML.matcher(start.group()).find()) {
                out.append("<![CDATA[").append(inner.replace("]]>", "]]]]><![CDATA[>")).append("]]>");
            } else {
                out.append(inner);
            }
            copied = end;
        }
        return out.append(text, copied, text.length()).toString();
    }
}
