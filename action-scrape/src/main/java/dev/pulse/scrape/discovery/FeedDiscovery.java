package dev.pulse.scrape.discovery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dev.pulse.scrape.fetch.FetchException;
import dev.pulse.scrape.fetch.FetchRequest;
import dev.pulse.scrape.fetch.FetchResponse;
import dev.pulse.scrape.fetch.HttpFetcher;
import dev.pulse.scrape.parse.FeedParseException;

/**
 * Finds the feed behind a page: the page itself if it is one, else its {@code <link rel="alternate">}
 * of an RSS, Atom, RDF or JSON Feed type, else the first of the common paths that serves a feed. YouTube channels
 * are read through their public Atom feed, by channel id (from the URL, or from the channel's page).
 */
public final class FeedDiscovery {

    private static final List<String> COMMON_PATHS = List.of("/feed", "/rss", "/feed.xml", "/rss.xml", "/atom.xml",
            "/index.xml", "/feed/", "/rss/", "/blog/feed", "/feeds/posts/default");
    private static final String FEED_LINKS = "link[rel~=(?i)alternate][type~=(?i)application/((rss|atom|rdf)\\+xml|feed\\+json)][href]";
    private static final Pattern CHANNEL_ID = Pattern.compile("(UC[A-Za-z0-9_-]{22})");
    private static final Pattern CHANNEL_PATH = Pattern.compile("^/channel/(UC[A-Za-z0-9_-]{22})");

    private final HttpFetcher fetcher;
    private final URI youtube;

    public FeedDiscovery(HttpFetcher fetcher, URI youtubeBaseUrl) {
        this.fetcher = fetcher;
        this.youtube = youtubeBaseUrl;
    }

    /** The feed URL for a blog or page URL. */
    public URI blogFeed(URI page) throws FetchException, FeedParseException {
        return feedBehind(fetcher.fetch(FetchRequest.of(page)));
    }

    /** The feed behind a page already fetched (the page itself, its alternate link, or a common path). */
    public URI feedBehind(FetchResponse response) throws FeedParseException {
        if (looksLikeFeed(response)) {
            return response.url();
        }
        Document html = Jsoup.parse(new String(response.body(), StandardCharsets.UTF_8), response.url().toString());
        for (Element link : html.select(FEED_LINKS)) {
            String href = link.absUrl("href");
            if (href.startsWith("http")) {
                return URI.create(href);
            }
        }
        for (String path : COMMON_PATHS) {
            URI candidate = response.url().resolve(path);
            try {
                if (looksLikeFeed(fetcher.fetch(FetchRequest.of(candidate)))) {
                    return candidate;
                }
            } catch (FetchException notThere) {
                // the next common path
            }
        }
        throw new FeedParseException("No feed found for " + response.url() + ": the page has no <link rel=\"alternate\"> to a"
                + " feed and none of " + String.join(", ", COMMON_PATHS) + " serves one");
    }

    /** The Atom feed of a YouTube channel given by its URL ({@code /channel/UC…}, {@code /@handle}, {@code /c/…}). */
    public URI youtubeFeed(URI channel) throws FetchException, FeedParseException {
        String path = channel.getRawPath() == null ? "" : channel.getRawPath();
        Matcher direct = CHANNEL_PATH.matcher(path);
        String id;
        if (direct.find()) {
            id = direct.group(1);
        } else {
            FetchResponse page = fetcher.fetch(FetchRequest.of(youtube.resolve(path)));
            id = channelIdOnPage(new String(page.body(), StandardCharsets.UTF_8), page.url());
        }
        return youtube.resolve("/feeds/videos.xml?channel_id=" + id);
    }

    private static String channelIdOnPage(String body, URI url) throws FeedParseException {
        Document html = Jsoup.parse(body, url.toString());
        for (Element link : html.select(FEED_LINKS + ", link[rel=canonical][href], meta[itemprop=channelId][content]")) {
            Matcher m = CHANNEL_ID.matcher(link.hasAttr("content") ? link.attr("content") : link.attr("href"));
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new FeedParseException("No YouTube channel id found on " + url);
    }

    private static boolean looksLikeFeed(FetchResponse response) {
        String type = response.header("content-type");
        if (type != null) {
            String lower = type.toLowerCase(Locale.ROOT);
            if (lower.contains("rss") || lower.contains("atom") || lower.contains("rdf") || lower.contains("feed+json")) {
                return true;
            }
            if (lower.contains("html")) {
                return false;
            }
        }
        String head = new String(response.body(), 0, Math.min(response.body().length, 512), StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT);
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
                || head.contains("jsonfeed.org/version/");
    }
}
