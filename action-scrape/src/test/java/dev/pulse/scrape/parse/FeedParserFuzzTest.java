package dev.pulse.scrape.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of damaged versions of the corpus (cut short, bytes flipped, markup inserted or removed),
 * from a fixed seed: each one is either read or refused for a reason the parser foresaw, never by the
 * catch-all that keeps an unforeseen exception (a bug) to its own source.
 */
class FeedParserFuzzTest {

    private static final String[] SAMPLES = {"rss2-namespaces.xml", "atom10.xml", "atom03.xml", "rdf10.xml",
            "rss091.xml", "podcast.xml", "undeclared-entities.xml", "cdata.xml", "html-titles.xml", "dates.xml",
            "relative-links.xml", "youtube-videos.xml", "jsonfeed11.json", "jsonfeed10.json", "unescaped-html.xml"};
    private static final String[] INSERTS = {"<", ">", "&", "&nbsp;", "]]>", "<![CDATA[", "</item>", "<item>",
            "<entry>", "\u0000", "\"", "{", "}", "<!DOCTYPE x>", "<?xml version=\"1.0\"?>", "xmlns:a=\"\"", "<a:b>",
            "&#xD800;", "&#0;", "\uFFFF", "<title>", "</title>", "<link>", "href=\"javascript:x\"", ":", "%"};
    /** Another seed or more rounds: {@code -Dfuzz.seed=… -Dfuzz.rounds=…}. */
    private static final long SEED = Long.getLong("fuzz.seed", 20261202);
    private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 3_000);
    private final FeedParser parser = new FeedParser(300);
    private final URI feedUrl = URI.create("https://fuzz.example.org/feed.xml");

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void everyDamagedDocumentIsReadOrRefusedCleanly() {
        Random random = new Random(SEED);
        List<String> escaped = new ArrayList<>();
        int read = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String name = SAMPLES[random.nextInt(SAMPLES.length)];
            byte[] damaged = damage(Corpus.bytes(name), random);
            try {
                ParsedFeed feed = parser.parse(damaged, null, feedUrl);
                assertThat(feed.items()).allSatisfy(item -> {
                    assertThat(item.title()).isNotBlank();
                    assertThat(item.url()).startsWith("http");
                });
                read++;
            } catch (FeedParseException expected) {
                if (expected.getMessage().startsWith(FeedParser.UNFORESEEN)) {
                    escaped.add(name + " seed " + SEED + " round " + round + ": " + expected.getCause());
                }
                refused++;
            } catch (StackOverflowError e) {
                escaped.add(name + " seed " + SEED + " round " + round + ": " + e + " at " + List.of(e.getStackTrace()).subList(0,
                        Math.min(6, e.getStackTrace().length)) + "\n" + new String(damaged, StandardCharsets.UTF_8));
            }
        }
        assertThat(escaped).as("damaged documents that escaped as something other than a parse failure").isEmpty();
        // most damage cuts the document short, which is refused; what is left must still be read
        assertThat(read).as("documents read of %d (refused: %d)", ROUNDS, refused).isGreaterThan(ROUNDS / 10);
    }

    private static byte[] damage(byte[] original, Random random) {
        String text = new String(original, StandardCharsets.UTF_8);
        int changes = 1 + random.nextInt(4);
        for (int i = 0; i < changes && !text.isEmpty(); i++) {
            int at = random.nextInt(text.length());
            text = switch (random.nextInt(4)) {
                case 0 -> text.substring(0, at); // cut short
                case 1 -> text.substring(0, at) + INSERTS[random.nextInt(INSERTS.length)] + text.substring(at);
                case 2 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(20)));
                default -> text.substring(0, at) + (char) random.nextInt(0x3000) + text.substring(Math.min(text.length(), at + 1));
            };
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
