package dev.pulse.scrape.reddit;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import dev.pulse.scrape.fetch.FetchException;
import dev.pulse.scrape.fetch.FetchRequest;
import dev.pulse.scrape.fetch.FetchResponse;
import dev.pulse.scrape.fetch.HttpFetcher;
import dev.pulse.scrape.parse.FeedParseException;
import dev.pulse.scrape.parse.ParsedFeed;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subreddit listings (hot, new, top with its time window, rising) through the same guarded fetcher as
 * feeds. App-only OAuth when credentials are set (the token is kept until shortly before it expires,
 * and dropped on a 401), else the public JSON listing; paced by Reddit's rate-limit headers.
 */
public final class RedditClient {

    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);

    private final HttpFetcher fetcher;
    private final RedditSettings settings;
    private final RedditListing listing;
    private final JsonMapper json;
    private final Clock clock;
    private final RateLimit rate;
    private volatile Token token;

    public RedditClient(HttpFetcher fetcher, RedditSettings settings, JsonMapper json, int maxSummaryLength, Clock clock) {
        this.fetcher = fetcher;
        this.settings = settings;
        this.json = json;
        this.listing = new RedditListing(json, maxSummaryLength);
        this.clock = clock;
        this.rate = new RateLimit(clock);
    }

    /** The URL a listing is read from, which is also what its items are stored under. */
    public URI listingUrl(String subreddit, String sort, String timeWindow, int limit) {
        StringBuilder query = new StringBuilder("limit=").append(limit).append("&raw_json=1");
        if ("top".equals(sort) && timeWindow != null) {
            query.append("&t=").append(URLEncoder.encode(timeWindow, StandardCharsets.UTF_8));
        }
        String path = "/r/" + subreddit + "/" + sort + (settings.oauth() ? "" : ".json");
        return under(settings.oauth() ? settings.oauthBaseUrl() : settings.baseUrl(), path + "?" + query);
    }

    public ParsedFeed read(String subreddit, String sort, String timeWindow, int limit)
            throws FetchException, FeedParseException {
        URI url = listingUrl(subreddit, sort, timeWindow, limit);
        FetchResponse response;
        try {
            response = get(url);
        } catch (FetchException e) {
            if (e.status() == 401 && settings.oauth()) {
                token = null; // revoked or expired early: one fresh token, one more try
                response = get(url);
            } else {
                throw explained(e, subreddit);
            }
        }
        return listing.parse(response.body(), settings.baseUrl(), subreddit);
    }

    /** {@code path} below {@code base}, which may have a path of its own (a proxy's, a test server's). */
    private static URI under(URI base, String path) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + path);
    }

    private FetchResponse get(URI url) throws FetchException {
        pace();
        FetchRequest request = FetchRequest.of(url).with("User-Agent", settings.userAgent()).with("Accept", "application/json");
        if (settings.oauth()) {
            request = request.with("Authorization", "Bearer " + token().value());
        }
        rate.spend();
        FetchResponse response = fetcher.fetch(request);
        rate.update(response.headers());
        return response;
    }

    private void pace() throws FetchException {
        Duration wait = rate.waitBeforeNext();
        if (wait.isZero()) {
            return;
        }
        if (wait.compareTo(settings.maxRateWait()) > 0) {
            throw new FetchException("Reddit's rate limit is used up for " + wait.toSeconds()
                    + " s more (X-Ratelimit-Reset); not waiting that long", 429, clock.instant().plus(wait), null);
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("Interrupted while waiting for Reddit's rate limit", e);
        }
    }

    private Token token() throws FetchException {
        Token current = token;
        if (current != null && current.expiresAt().isAfter(clock.instant().plus(TOKEN_MARGIN))) {
            return current;
        }
        synchronized (this) {
            if (token != null && token.expiresAt().isAfter(clock.instant().plus(TOKEN_MARGIN))) {
                return token;
            }
            String basic = Base64.getEncoder().encodeToString((settings.clientId() + ":" + settings.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
            FetchResponse response;
            try {
                response = fetcher.fetch(FetchRequest.post(under(settings.baseUrl(), "/api/v1/access_token"),
                        Map.of("grant_type", "client_credentials"))
                        .with("Authorization", "Basic " + basic).with("User-Agent", settings.userAgent()));
            } catch (FetchException e) {
                throw new FetchException("Reddit refused the app-only OAuth token (" + e.getMessage()
                        + "); check pulse.scrape.reddit.client-id and client-secret", e.status(), e.retryAfter(), e);
            }
            token = parseToken(response.body());
            return token;
        }
    }

    private Token parseToken(byte[] body) throws FetchException {
        try {
            JsonNode node = json.readTree(body);
            String value = node.path("access_token").asString(null);
            if (value == null || value.isBlank()) {
                throw new FetchException("Reddit's token answer has no access_token");
            }
            long seconds = node.path("expires_in").asLong(3600);
            return new Token(value, clock.instant().plusSeconds(seconds));
        } catch (JacksonException e) {
            throw new FetchException("Reddit's token answer is not JSON", e);
        }
    }

    private FetchException explained(FetchException e, String subreddit) {
        String hint = switch (e.status()) {
            case 403 -> settings.oauth() ? "r/" + subreddit + " is private, quarantined or banned"
                    : "Reddit refuses anonymous listings more and more; set pulse.scrape.reddit.client-id and client-secret for app-only OAuth";
            case 404 -> "r/" + subreddit + " does not exist";
            case 429 -> "Reddit's rate limit";
            default -> null;
        };
        return hint == null ? e
                : new FetchException("Reddit refused r/" + subreddit + ": " + e.getMessage() + " (" + hint + ")",
                        e.status(), e.retryAfter(), e);
    }

    private record Token(String value, Instant expiresAt) {
    }
}
