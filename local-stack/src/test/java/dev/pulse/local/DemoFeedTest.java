package dev.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The demo job is "one feed, 20 items, 100 subscribers": the feed half of it. */
class DemoFeedTest {

    @Test
    void servesTwentyRss2ItemsAllWithinADayOfNow() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpResponse<byte[]> response;
        Instant before = Instant.now();
        try (DemoFeed ignored = DemoFeed.start(port)) {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + DemoFeed.PATH)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/rss+xml"));

        Document feed = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(response.body()));
        Element rss = feed.getDocumentElement();
        assertThat(rss.getTagName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        NodeList items = rss.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(20).isEqualTo(DemoFeed.ITEMS);

        List<Instant> published = new ArrayList<>();
        Set<String> guids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            guids.add(text(item, "guid"));
            titles.add(text(item, "title"));
            assertThat(text(item, "link")).startsWith("https://demo.pulse.local/posts/");
            published.add(ZonedDateTime.parse(text(item, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        }
        assertThat(guids).as("every item its own").hasSize(20);
        assertThat(titles).hasSize(20);
        // days_back 1: the scraper keeps items published after (run time - 1 day)
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        assertThat(published).allSatisfy(at -> assertThat(at).isAfter(dayAgo).isBefore(before.plusSeconds(1)));
        assertThat(published).as("under 20 hours from the first to the last").allSatisfy(
                at -> assertThat(at).isAfterOrEqualTo(published.get(0).minus(Duration.ofHours(19))));
        assertThat(published).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void anHourApartEndingAtTheGivenHour() {
        Instant newest = Instant.parse("2026-03-29T01:00:00Z");
        String rss = DemoFeed.rss(newest);
        assertThat(rss).contains("<pubDate>Sun, 29 Mar 2026 01:00:00 GMT</pubDate>", "<pubDate>Sat, 28 Mar 2026 06:00:00 GMT</pubDate>")
                .doesNotContain("Sat, 28 Mar 2026 05:00:00 GMT");
    }

    @Test
    void theDemoWorkspaceImportsNinetyNineReadersBesidesTheDemoReader() {
        String[] lines = DemoSeed.readersCsv().split("\n");
        assertThat(lines[0]).isEqualTo("email,name");
        assertThat(lines).hasSize(100);
        assertThat(lines[1]).isEqualTo("reader001@pulse.local,Reader 001");
        assertThat(lines[99]).isEqualTo("reader099@pulse.local,Reader 099");
        assertThat(Set.of(lines)).hasSize(100).doesNotContain(DemoSeed.DEMO_EMAIL);
        assertThat(DemoSeed.SUBSCRIBERS).isEqualTo(100);
    }

    private static String text(Element item, String tag) {
        return item.getElementsByTagName(tag).item(0).getTextContent();
    }
}
