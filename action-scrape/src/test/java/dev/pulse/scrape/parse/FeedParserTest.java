package dev.pulse.scrape.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every shape and breakage of the corpus, through the parser a run uses. */
class FeedParserTest {

    private static final URI FEED = URI.create("https://feeds.example.com/path/feed.xml");
    private final FeedParser parser = new FeedParser(300);

    private ParsedFeed parse(String name) throws FeedParseException {
        return parser.parse(Corpus.bytes(name), null, FEED);
    }

    private static List<String> titles(ParsedFeed feed) {
        return feed.items().stream().map(ParsedItem::title).toList();
    }

    @Test
    void rss2WithNamespaces() throws Exception {
        ParsedFeed feed = parse("rss2-namespaces.xml");
        assertThat(titles(feed)).containsExactly("Item five of the namespaced feed", "Item four of the namespaced feed",
                "Item three of the namespaced feed", "Item two of the namespaced feed", "Item one of the namespaced feed");
        ParsedItem one = feed.items().get(4);
        assertThat(one.guid()).isEqualTo("ns-1");
        assertThat(one.key()).isEqualTo("ns-1");
        assertThat(one.author()).isEqualTo("Author 1");
        assertThat(one.publishedAt()).isEqualTo(Instant.parse("2026-12-01T08:01:00Z"));
        assertThat(one.imageUrl()).isEqualTo("https://example.org/thumb/1.jpg");
        assertThat(feed.items().get(3).url()).as("tracking parameters stripped")
                .isEqualTo("https://example.org/posts/2?id=7");
        assertThat(feed.items()).allSatisfy(i -> assertThat(i.summary()).doesNotContain("<", "alert"));
    }

    @Test
    void atom10() throws Exception {
        ParsedFeed feed = parse("atom10.xml");
        assertThat(titles(feed)).containsExactly("Atom entry three", "Atom entry two", "Atom entry one");
        ParsedItem one = feed.items().get(2);
        assertThat(one.key()).isEqualTo("tag:example.org,2026:atom-1");
        assertThat(one.url()).isEqualTo("https://example.org/atom/1");
        assertThat(one.author()).isEqualTo("Atom Author 1");
        assertThat(one.publishedAt()).isEqualTo(Instant.parse("2026-12-01T07:01:00Z"));
        assertThat(one.summary()).contains("bold").doesNotContain("<b>");
    }

    @Test
    void atom03() throws Exception {
        ParsedFeed feed = parse("atom03.xml");
        assertThat(titles(feed)).containsExactlyInAnyOrder("Legacy Atom entry two", "Legacy Atom entry one");
        assertThat(feed.items()).extracting(ParsedItem::url)
                .containsExactlyInAnyOrder("https://example.org/legacy/2", "https://example.org/legacy/1");
    }

    @Test
    void rdf() throws Exception {
        ParsedFeed feed = parse("rdf10.xml");
        assertThat(titles(feed)).containsExactly("RDF item three", "RDF item two", "RDF item one");
        assertThat(feed.items().get(0).publishedAt()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
    }

    @Test
    void rss091WithoutDates() throws Exception {
        ParsedFeed feed = parse("rss091.xml");
        assertThat(titles(feed)).containsExactly("Old-style item one", "Old-style item two");
        assertThat(feed.items()).allSatisfy(i -> assertThat(i.publishedAt()).isNull());
    }

    @Test
    void aDoctypeNamingOnlyAnExternalDtdIsDroppedUnread() throws Exception {
        String rss = new String(Corpus.bytes("rss091.xml"), StandardCharsets.UTF_8).replaceFirst("<rss",
                "<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://127.0.0.1:1/rss-0.91.dtd\">\n<rss");
        assertThat(titles(parser.parse(rss.getBytes(StandardCharsets.UTF_8), null, FEED))).hasSize(2);
    }

    @Test
    void podcast() throws Exception {
        ParsedFeed feed = parse("podcast.xml");
        assertThat(feed.items()).hasSize(3);
        assertThat(feed.items()).extracting(ParsedItem::key).containsExactly("podcast-ep-3", "podcast-ep-2", "podcast-ep-1");
    }

    @Test
    void undeclaredHtmlEntities() throws Exception {
        assertThat(titles(parse("undeclared-entities.xml"))).contains("Café news — part one…");
    }

    @Test
    void bareAmpersands() throws Exception {
        ParsedFeed feed = parse("bare-ampersand.xml");
        assertThat(titles(feed)).containsExactlyInAnyOrder("Salt & Pepper", "Fish & Chips & Peas");
        assertThat(feed.items()).extracting(ParsedItem::url).contains("https://example.org/search?a=1&b=2");
    }

    @Test
    void utf8DeclaredButWindows1252Sent() throws Exception {
        assertThat(titles(parse("wrong-charset.xml"))).contains("Café crème – déjà vu", "Second item – œuvre à la carte");
    }

    @Test
    void utf8BytesUnderAStaleLatin1DeclarationAreUtf8() throws Exception {
        byte[] body = """
                <?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Stale</title>
                <item><title>Café crème</title><link>https://example.org/1</link></item></channel></rss>"""
                .getBytes(StandardCharsets.UTF_8);
        assertThat(titles(parser.parse(body, "application/rss+xml; charset=utf-8", FEED))).containsExactly("Café crème");
        assertThat(titles(parser.parse(body, null, FEED))).containsExactly("Café crème");
    }

    @Test
    void noDeclaredCharsetAndLatin1Bytes() throws Exception {
        assertThat(titles(parse("no-charset-latin1.xml"))).contains("Müller über Größe");
    }

    @Test
    void byteOrderMarkAndLeadingWhitespace() throws Exception {
        assertThat(titles(parse("bom.xml"))).contains("News from Zürich", "Second BOM item");
    }

    @Test
    void xmlBaseResolvesAtomLinks() throws Exception {
        assertThat(parse("relative-links.xml").items()).extracting(ParsedItem::url).containsExactlyInAnyOrder(
                "https://blog.example.net/base/posts/one.html", "https://blog.example.net/absolute-path.html",
                "https://blog.example.net/up.html");
    }

    @Test
    void rssRelativeLinksResolveAgainstTheFeedUrl() throws Exception {
        assertThat(parse("relative-links-rss.xml").items()).extracting(ParsedItem::url).containsExactlyInAnyOrder(
                "https://feeds.example.com/posts/a", "https://feeds.example.com/path/b.html");
    }

    @Test
    void cdataTitlesBecomePlainText() throws Exception {
        assertThat(titles(parse("cdata.xml"))).containsExactlyInAnyOrder("Hello world", "Array a[b[0]] edge");
    }

    @Test
    void htmlInTitlesIsTextAndJavascriptLinksAreDropped() throws Exception {
        ParsedFeed feed = parse("html-titles.xml");
        assertThat(titles(feed)).contains("Bold title").allSatisfy(t -> assertThat(t).doesNotContain("<", "alert"));
        assertThat(feed.items()).extracting(ParsedItem::url).allSatisfy(u -> assertThat(u).startsWith("https://"));
    }

    @Test
    void controlCharactersXmlForbidsAreDropped() throws Exception {
        ParsedFeed feed = parse("control-characters.xml");
        assertThat(titles(feed)).containsExactly("Pasted from a word processor with a backspace",
                "Second item with a vertical tab");
        assertThat(feed.items().get(0).summary()).isEqualTo("An escape [1mcode[0m and a form feed here.");
        assertThat(feed.items().get(1).summary()).isEqualTo("A NUL byte.");
    }

    @Test
    void wellKnownPrefixesUsedWithoutTheirNamespaceAreReadAsThatNamespace() throws Exception {
        ParsedFeed feed = parse("unbound-prefix.xml");
        assertThat(titles(feed)).containsExactly("First item with an undeclared dc:creator", "Second item");
        assertThat(feed.items().get(0).author()).isEqualTo("Prefix Author");
        assertThat(feed.items().get(0).imageUrl()).isEqualTo("https://example.org/prefix/1.jpg");
    }

    @Test
    void rawHtmlInADescriptionIsReadAsItsMarkup() throws Exception {
        ParsedFeed feed = parse("unescaped-html.xml");
        assertThat(titles(feed)).containsExactly("Line breaks left open", "A paragraph never closed");
        assertThat(feed.items().get(0).summary()).isEqualTo("First line second line");
        assertThat(feed.items().get(0).imageUrl()).isEqualTo("https://feeds.example.com/images/raw-1.png");
        assertThat(feed.items().get(1).summary()).isEqualTo("Opened and never closed. The end.");
    }

    @Test
    void repairsKeepAtomsXhtmlAndEmptyContentAsTheyAre() throws Exception {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Mixed</title>
                  <entry><title>Points elsewhere</title><id>tag:example.org,2026:a</id><link href="https://example.org/a"/>
                    <updated>2026-12-01T08:00:00Z</updated><content src="https://example.org/a.html"/></entry>
                  <entry><title>Xhtml \u0008content</title><id>tag:example.org,2026:b</id><link href="https://example.org/b"/>
                    <updated>2026-12-01T07:00:00Z</updated>
                    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Real <b>XML</b></p></div></content></entry>
                </feed>""";
        ParsedFeed feed = parser.parse(atom.getBytes(StandardCharsets.UTF_8), null, FEED);
        assertThat(titles(feed)).containsExactly("Points elsewhere", "Xhtml content");
        assertThat(feed.items().get(1).summary()).isEqualTo("Real XML");
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fails, not hangs, if it regresses
    void aDocumentNestedDeeperThanAnyFeedIsRefusedAtOnce() {
        String deep = "<rss version=\"2.0\"><channel><title>t</title>" + "<x>".repeat(1_000_000);
        long started = System.nanoTime();
        assertThatThrownBy(() -> parser.parse(deep.getBytes(StandardCharsets.UTF_8), null, FEED))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("depth");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fails, not hangs, if it regresses
    void aBrokenDocumentIsRepairedInLinearTime() {
        String unclosed = "<rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>x</title><link>https://example.org/x</link><description>a<br>b".repeat(100_000);
        long started = System.nanoTime();
        assertThatThrownBy(() -> parser.parse(unclosed.getBytes(StandardCharsets.UTF_8), null, FEED))
                .isInstanceOf(FeedParseException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("%d MB, unclosed descriptions",
                unclosed.length() / 1_000_000).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void jsonFeed11() throws Exception {
        ParsedFeed feed = parser.parse(Corpus.bytes("jsonfeed11.json"), "application/feed+json", URI.create("https://json.example.org/feed.json"));
        assertThat(feed.title()).isEqualTo("A JSON & Feed blog");
        assertThat(titles(feed)).containsExactly("The newer post", "The older post");
        ParsedItem newer = feed.items().get(0);
        assertThat(newer.key()).isEqualTo("1042");
        assertThat(newer.url()).isEqualTo("https://json.example.org/2026/newer");
        assertThat(newer.summary()).isEqualTo("A summary given apart from the content.");
        assertThat(newer.imageUrl()).isEqualTo("https://json.example.org/images/newer.png");
        ParsedItem older = feed.items().get(1);
        assertThat(older.url()).isEqualTo("https://json.example.org/2026/older");
        assertThat(older.summary()).isEqualTo("First paragraph. Second paragraph.");
        assertThat(older.author()).isEqualTo("Ada Author");
        assertThat(older.publishedAt()).isEqualTo(Instant.parse("2026-12-01T06:00:00Z"));
    }

    @Test
    void jsonFeed10() throws Exception {
        ParsedFeed feed = parse("jsonfeed10.json");
        assertThat(feed.items()).extracting(ParsedItem::key).containsExactly("mb-1", "mb-2");
        ParsedItem post = feed.items().get(0);
        assertThat(post.title()).startsWith("A title-less post").hasSizeLessThanOrEqualTo(80);
        assertThat(post.author()).isEqualTo("Micro Author");
        assertThat(post.publishedAt()).isEqualTo(Instant.parse("2026-12-01T13:00:00Z"));
        assertThat(feed.items().get(1).url()).isEqualTo("https://elsewhere.example.com/story");
    }

    @Test
    void jsonThatIsNoJsonFeedIsRefusedWithAClearReason() {
        assertThatThrownBy(() -> parser.parse("{\"data\": []}".getBytes(StandardCharsets.UTF_8), null, FEED))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("not a JSON Feed");
        assertThatThrownBy(() -> parser.parse("{\"version\": ".getBytes(StandardCharsets.UTF_8), null, FEED))
                .isInstanceOf(FeedParseException.class).hasMessageContaining("does not parse");
    }

    @Test
    void everyCommonDateFormat() throws Exception {
        ParsedFeed feed = parse("dates.xml");
        assertThat(feed.items()).hasSize(10).allSatisfy(i -> assertThat(i.publishedAt()).as(i.title())
                .isEqualTo(Instant.parse("2026-12-01T08:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xxe-file.xml", "xxe-remote.xml", "billion-laughs.xml"})
    void entityDeclarationsAreRefusedWithAClearReason(String name) {
        assertThatThrownBy(() -> parse(name)).isInstanceOf(FeedParseException.class)
                .hasMessageContaining("declares entities in a DOCTYPE");
    }

    @Test
    void anHtmlPageIsNotAFeed() {
        assertThatThrownBy(() -> parse("blog-page.html")).isInstanceOf(FeedParseException.class)
                .hasMessageContaining("HTML page");
    }

    @Test
    void youtubeChannelFeed() throws Exception {
        ParsedFeed feed = parse("youtube-videos.xml");
        assertThat(titles(feed)).hasSize(3).contains("Test video one");
        assertThat(feed.items()).allSatisfy(i -> {
            assertThat(i.url()).startsWith("https://www.youtube.com/watch?v=");
            assertThat(i.imageUrl()).startsWith("https://i1.ytimg.com/vi/");
            assertThat(i.summary()).as("media:description, YouTube's only text").isNotBlank();
        });
    }

    private ParsedFeed parseText(String document) throws FeedParseException {
        return parser.parse(document.getBytes(StandardCharsets.UTF_8), null, FEED);
    }

    @Test
    void aTitleIsHtmlOnlyWhenItLooksLikeHtml() throws Exception {
        ParsedFeed feed = parseText("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Releases of Option&lt;T&gt;</title>
                  <entry><title>Support Option&lt;T&gt; and &lt;dialog&gt;</title><id>tag:example.org,2026:1</id>
                    <link href="https://example.org/1"/><updated>2026-12-01T08:00:00Z</updated></entry>
                  <entry><title type="html">&lt;b&gt;Bold&lt;/b&gt; 1 &amp;lt; 2</title><id>tag:example.org,2026:2</id>
                    <link href="https://example.org/2"/><updated>2026-12-01T07:00:00Z</updated></entry>
                </feed>""");
        assertThat(feed.title()).isEqualTo("Releases of Option<T>");
        assertThat(titles(feed)).containsExactly("Support Option<T> and <dialog>", "Bold 1 < 2");
    }

    @Test
    void aPodcastGuidThatIsNoPermalinkIsNoLinkAndTheEnclosureIs() throws Exception {
        ParsedFeed feed = parseText("""
                <rss version="2.0"><channel><title>Pod</title>
                  <item><title>Ep 1</title><guid isPermaLink="false">4c5c1f36-aaaa</guid>
                    <enclosure url="https://media.example.com/ep1.mp3" length="1" type="audio/mpeg"/></item>
                </channel></rss>""");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.url()).isEqualTo("https://media.example.com/ep1.mp3");
            assertThat(item.key()).isEqualTo("4c5c1f36-aaaa");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"<rss>", "<rss version=\"2\">", "<rss version=\" 2.0 \">"})
    void anRssVersionRomeDoesNotKnowIsReadAsRss2(String root) throws Exception {
        ParsedFeed feed = parseText(root + """
                <channel><title>No version</title><item><title>One</title><link>https://example.org/1</link></item>
                </channel></rss>""");
        assertThat(titles(feed)).containsExactly("One");
    }

    @Test
    void aPictureWithoutWordsIsCalledByItsAddressAndAnEmptyItemIsLeftOut() throws Exception {
        ParsedFeed feed = parseText("""
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>@someone</title>
                  <item><guid isPermaLink="true">https://social.example/@someone/111</guid><description></description>
                    <media:content url="https://files.social.example/111.jpg" type="image/jpeg" medium="image"/></item>
                  <item><guid isPermaLink="true">https://social.example/@someone/112</guid><description></description></item>
                </channel></rss>""");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("https://social.example/@someone/111");
            assertThat(item.imageUrl()).isEqualTo("https://files.social.example/111.jpg");
        });
    }

    @Test
    void itemsWithoutGuidsToldApartByTheFragmentStayApart() throws Exception {
        ParsedFeed feed = parseText("""
                <rss version="2.0"><channel><title>Changelog</title>
                  <item><title>v2</title><link>https://example.org/changelog#v2</link></item>
                  <item><title>v1</title><link>https://example.org/changelog#v1</link></item>
                  <item><title>v1 again</title><link>https://example.org/changelog#v1</link></item>
                </channel></rss>""");
        assertThat(titles(feed)).containsExactly("v2", "v1");
        assertThat(feed.items()).extracting(ParsedItem::url).containsOnly("https://example.org/changelog");
    }
}
