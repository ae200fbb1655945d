package dev.pulse.scrape.preview;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.pulse.scrape.discovery.FeedDiscovery;
import dev.pulse.scrape.fetch.FetchException;
import dev.pulse.scrape.fetch.FetchRequest;
import dev.pulse.scrape.fetch.FetchResponse;
import dev.pulse.scrape.fetch.HttpFetcher;
import dev.pulse.scrape.parse.FeedParseException;
import dev.pulse.scrape.parse.FeedParser;
import dev.pulse.scrape.parse.ParsedFeed;

/**
 * {@code GET /feeds/preview?url=}: one feed or page read through the run's own client, guard and
 * parser (a page through autodiscovery), nothing stored. 400 for a URL that cannot be fetched at all
 * (not http(s), refused by the guard), 422 when what it serves is no feed, 502 when the server failed.
 */
@RestController
class FeedPreviewController {

    private final HttpFetcher fetcher;
    private final FeedParser parser;
    private final FeedDiscovery discovery;

    FeedPreviewController(HttpFetcher fetcher, FeedParser parser, FeedDiscovery discovery) {
        this.fetcher = fetcher;
        this.parser = parser;
        this.discovery = discovery;
    }

    @GetMapping("/feeds/preview")
    ResponseEntity<PreviewResponse> preview(@RequestParam(required = false) String url) {
        URI target;
        try {
            target = new URI(url == null ? "" : url.trim());
            String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
                return answer(HttpStatus.BAD_REQUEST, "INVALID_URL", "url must be an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            return answer(HttpStatus.BAD_REQUEST, "INVALID_URL", "url is not a URL: " + e.getReason());
        }
        try {
            return ResponseEntity.ok(PreviewResponse.ok(read(target)));
        } catch (FetchException e) {
            boolean refused = e.getMessage().startsWith("Refused") || e.getMessage().startsWith("Only http");
            return refused ? answer(HttpStatus.BAD_REQUEST, "URL_NOT_ALLOWED", e.getMessage())
                    : answer(HttpStatus.BAD_GATEWAY, "FETCH_FAILED", e.getMessage());
        } catch (FeedParseException e) {
            return answer(HttpStatus.UNPROCESSABLE_CONTENT, "NOT_A_FEED", e.getMessage());
        }
    }

    private FeedPreview read(URI target) throws FetchException, FeedParseException {
        FetchResponse response = fetcher.fetch(FetchRequest.of(target));
        ParsedFeed feed;
        URI feedUrl = response.url();
        try {
            feed = parser.parse(response.body(), response.header("content-type"), feedUrl);
        } catch (FeedParseException notAFeed) {
            if (!notAFeed.getMessage().contains("HTML page")) {
                throw notAFeed;
            }
            feedUrl = discovery.feedBehind(response);
            FetchResponse found = fetcher.fetch(FetchRequest.of(feedUrl));
            feed = parser.parse(found.body(), found.header("content-type"), found.url());
        }
        return new FeedPreview(feedUrl.toString(), feed.title(), feed.items().stream()
                .map(i -> new FeedPreview.Item(i.title(), i.url(), i.guid(), i.author(), i.publishedAt(), i.summary()))
                .toList());
    }

    private static ResponseEntity<PreviewResponse> answer(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(PreviewResponse.failure(code, message));
    }
}
