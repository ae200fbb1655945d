package dev.pulse.scrape.parse;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jdom2.JDOMException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.impl.Atom10Parser;

/**
 * RSS 0.9x, 1.0 (RDF), 2.0 and Atom 0.3/1.0 through ROME (and JSON Feed through {@link JsonFeed}), as safe as a parser can be and as forgiving
 * as real feeds need. Never resolved: a DOCTYPE with an internal subset (where external entities and
 * entity bombs live) rejects the document; a DOCTYPE that only names an external DTD is dropped
 * unread, and ROME itself refuses any DOCTYPE left. Forgiven: HTML entities XML does not declare
 * (ROME's healer), a bare {@code &}, a wrong or missing charset, a BOM, relative links, and what
 * {@link XmlRepair} mends: forbidden control characters, undeclared prefixes, unescaped HTML.
 */
public final class FeedParser {

    private static final Logger log = LoggerFactory.getLogger(FeedParser.class);
    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});)");
    private static final Pattern KNOWN_RSS_VERSION = Pattern.compile("0\\.9[0-4]|2\\.0.*");
    private static final String MEDIA_NS = "http://search.yahoo.com/mrss/";
    /** Markup read for an item's summary and image: far more than a summary needs, bounded for huge ones. */
    private static final int MARKUP_READ = 16_384;

    static {
        // ROME leaves Atom's relative links (xml:base) unresolved unless told; the setting is global
        Atom10Parser.setResolveURIs(true);
    }

    private final int maxSummaryLength;

    public FeedParser(int maxSummaryLength) {
        this.maxSummaryLength = maxSummaryLength;
    }

    /** Reads {@code body} as a feed found at {@code url}; relative links resolve against it (or xml:base). */
    /** An exception no breakage of a feed explains (a bug) is still a FeedParseException, its message starting so. */
    static final String UNFORESEEN = "Not a feed Pulse can read (";

    public ParsedFeed parse(byte[] body, String contentType, URI url) throws FeedParseException {
        try {
            return JsonFeed.looksLikeOne(body) ? JsonFeed.parse(body, url, maxSummaryLength) : xml(body, contentType, url);
        } catch (RuntimeException unforeseen) {
            // a document no test foresaw must still be its source's failure, not the whole run's
            log.warn("Feed {} could not be read", url, unforeseen);
            throw new FeedParseException(UNFORESEEN + unforeseen + ")", unforeseen);
        }
    }

    private ParsedFeed xml(byte[] body, String contentType, URI url) throws FeedParseException {
        String text = withoutExternalDoctype(XmlText.decode(body, contentType));
        org.jdom2.Document document = withRssVersionRomeKnows(tree(text));
        List<org.jdom2.Element> raw = RawEntries.of(document);
        List<Instant> dates = RawEntries.takeDates(raw);
        SyndFeed feed;
        try {
            feed = new SyndFeedInput(false, Locale.ROOT).build(document);
        } catch (FeedException | IllegalArgumentException e) {
            throw new FeedParseException(explain(text, e), e);
        }
        return new ParsedFeed(PlainText.ofText(feed.getTitle()), items(feed, dates, url));
    }

    /**
     * Well-formed XML as it is; else healed (HTML entities); else healed with bare {@code &} escaped; else
     * all that after {@link XmlRepair}'s repairs. Each step only for a document the one before refused.
     */
    private static org.jdom2.Document tree(String text) throws FeedParseException {
        try {
            return SecureXml.read(text, false);
        } catch (JDOMException | IOException | IllegalArgumentException malformed) {
            try {
                return SecureXml.read(text, true);
            } catch (JDOMException | IOException | IllegalArgumentException stillMalformed) {
                try {
                    return SecureXml.read(withBareAmpersandsEscaped(text), true);
                } catch (JDOMException | IOException | IllegalArgumentException stillMalformedWithAmpersands) {
                    try {
                        return SecureXml.read(withBareAmpersandsEscaped(XmlRepair.repaired(text)), true);
                    } catch (JDOMException | IOException | IllegalArgumentException unreadable) {
                        throw new FeedParseException(explain(text, malformed), malformed);
                    }
                }
            }
        }
    }

    /** ROME matches {@code <rss version>} exactly; feedparser reads a missing or odd one as RSS 2.0, and so does Pulse. */
    private static org.jdom2.Document withRssVersionRomeKnows(org.jdom2.Document document) {
        org.jdom2.Element root = document.getRootElement();
        String version = root.getAttributeValue("version");
        if (root.getName().equals("rss") && (version == null || !KNOWN_RSS_VERSION.matcher(version.strip()).matches())) {
            root.setAttribute("version", "2.0");
        }
        return document;
    }

    private static String withBareAmpersandsEscaped(String text) {
        return BARE_AMPERSAND.matcher(text).replaceAll("&amp;");
    }

    private static String withoutExternalDoctype(String text) throws FeedParseException {
        var m = DOCTYPE.matcher(text).region(0, rootStart(text));
        if (!m.find()) {
            return text;
        }
        int end = text.indexOf('>', m.start());
        int subset = text.indexOf('[', m.start());
        if (end < 0 || subset >= 0 && subset < end) {
            throw new FeedParseException("Refused: the document declares entities in a DOCTYPE (a way to read local"
                    + " files, make requests or expand text without bound); feeds do not need one");
        }
        return text.substring(0, m.start()) + text.substring(end + 1);
    }

    /** Where the root element starts: a DOCTYPE can only come before it. */
    static int rootStart(String text) {
        for (int i = text.indexOf('<'); i >= 0 && i + 1 < text.length(); i = text.indexOf('<', i + 1)) {
            if (Character.isLetter(text.charAt(i + 1))) {
                return i;
            }
        }
        return text.length();
    }

    private static String explain(String text, Exception e) {
        String head = text.stripLeading().toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
            return "Not a feed: the URL serves an HTML page (as a \"blog\" source, its feed is found from the page)";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "Not a feed Pulse can read: " + message.lines().findFirst().orElse(message);
    }

    private List<ParsedItem> items(SyndFeed feed, List<Instant> dates, URI url) {
        Map<String, ParsedItem> byKey = new LinkedHashMap<>();
        List<SyndEntry> entries = feed.getEntries();
        for (int i = 0; i < entries.size(); i++) {
            ParsedItem item = item(entries.get(i), dates.size() == entries.size() ? dates.get(i) : null, url);
            if (item != null) {
                byKey.putIfAbsent(item.key(), item);
            }
        }
        return newestFirst(byKey.values());
    }

    /** Newest first; undated items keep their document order, after the dated ones. */
    static List<ParsedItem> newestFirst(Collection<ParsedItem> items) {
        List<ParsedItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(ParsedItem::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return sorted;
    }

    private ParsedItem item(SyndEntry entry, Instant date, URI feedUrl) {
        String rawLink = link(entry);
        String link = CanonicalUrl.of(feedUrl, rawLink);
        String uri = entry.getUri();
        if (link == null && uri != null) {
            // only a GUID that is itself a web address: a podcast's "4c5c1f36-…" is no path on the feed's host
            link = CanonicalUrl.of(null, uri);
        }
        if (link == null) {
            link = entry.getEnclosures().stream().map(e -> CanonicalUrl.of(feedUrl, e.getUrl()))
                    .filter(u -> u != null).findFirst().orElse(null);
        }
        String html = html(entry);
        // one parse of the item's markup gives both its text and its first image
        Document markup = html != null && html.indexOf('<') >= 0 ? Jsoup.parseBodyFragment(
                html.length() > MARKUP_READ ? html.substring(0, MARKUP_READ) : html) : null;
        String text = markup != null ? PlainText.of(markup) : PlainText.of(html);
        String title = PlainText.ofText(entry.getTitle());
        if (title == null) {
            title = PlainText.cut(text, 80);
        }
        String image = link == null ? null : image(entry, feedUrl, markup);
        if (title == null && image != null) {
            title = link; // a picture posted without words (Mastodon, Pixelfed): called by its address, as Miniflux does
        }
        if (link == null || title == null) {
            return null; // nothing to link to, or nothing to call it
        }
        boolean ownGuid = uri != null && !uri.isBlank() && !uri.equals(rawLink);
        // without a GUID, items told apart only by the fragment (a changelog's #v1, #v2) stay apart
        String fragment = rawLink == null || rawLink.indexOf('#') < 0 ? "" : rawLink.substring(rawLink.indexOf('#'));
        String key = ownGuid ? uri.strip() : fragment.length() > 1 ? link + fragment : link;
        return new ParsedItem(key, ownGuid ? uri.strip() : null, link, title, PlainText.cut(text, maxSummaryLength),
                author(entry), date, image, 0, 0);
    }

    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink();
        }
        return entry.getLinks().stream().filter(l -> l.getRel() == null || "alternate".equals(l.getRel()))
                .map(SyndLink::getHref).filter(href -> href != null && !href.isBlank()).findFirst().orElse(null);
    }

    private static String html(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null && !description.getValue().isBlank()) {
            return description.getValue();
        }
        return entry.getContents().stream().map(SyndContent::getValue).filter(v -> v != null && !v.isBlank())
                .findFirst().orElseGet(() -> mediaDescription(entry.getForeignMarkup()));
    }

    /** YouTube's and many video feeds' only text: media:description, perhaps inside media:group. */
    private static String mediaDescription(List<org.jdom2.Element> markup) {
        for (org.jdom2.Element element : markup) {
            if (!MEDIA_NS.equals(element.getNamespaceURI())) {
                continue;
            }
            if (element.getName().equals("description") && !element.getTextTrim().isEmpty()) {
                return element.getText();
            }
            if (element.getName().equals("group")) {
                String inGroup = mediaDescription(element.getChildren());
                if (inGroup != null) {
                    return inGroup;
                }
            }
        }
        return null;
    }

    private static String author(SyndEntry entry) {
        String author = PlainText.ofText(entry.getAuthor());
        if (author == null) {
            author = entry.getAuthors().stream().map(SyndPerson::getName).map(PlainText::ofText)
                    .filter(a -> a != null).findFirst().orElse(null);
        }
        return author;
    }

    private static String image(SyndEntry entry, URI feedUrl, Document markup) {
        for (org.jdom2.Element element : entry.getForeignMarkup()) {
            String found = mediaImage(element);
            if (found != null) {
                return CanonicalUrl.of(feedUrl, found);
            }
        }
        for (SyndEnclosure enclosure : entry.getEnclosures()) {
            if (enclosure.getType() != null && enclosure.getType().startsWith("image/")) {
                return CanonicalUrl.of(feedUrl, enclosure.getUrl());
            }
        }
        Element img = markup == null ? null : markup.selectFirst("img[src]");
        return img == null ? null : CanonicalUrl.of(feedUrl, img.attr("src"));
    }

    private static String mediaImage(org.jdom2.Element element) {
        if (!MEDIA_NS.equals(element.getNamespaceURI())) {
            return null;
        }
        String name = element.getName();
        if (name.equals("thumbnail") || name.equals("content") && isImage(element)) {
            return element.getAttributeValue("url");
        }
        if (name.equals("group")) {
            for (org.jdom2.Element child : element.getChildren()) {
                String found = mediaImage(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean isImage(org.jdom2.Element content) {
        String medium = content.getAttributeValue("medium");
        String type = content.getAttributeValue("type");
        return "image".equals(medium) || type != null && type.startsWith("image/");
    }
}
