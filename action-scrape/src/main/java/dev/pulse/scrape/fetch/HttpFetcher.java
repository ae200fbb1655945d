package dev.pulse.scrape.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/**
 * Every HTTP GET of the scraper, feeds and Reddit alike: the guard on every connection, redirects
 * followed by hand (at most {@code maxRedirects}, http and https only), a total deadline on top of the
 * connect and read timeouts, the body cap counted on the decompressed stream, the per-host limit and
 * Retry-After holds shared by every fetch of the instance.
 */
public final class HttpFetcher implements AutoCloseable {

    private final CloseableHttpClient client;
    private final FetchSettings settings;
    private final HostGate hosts;
    private final ScheduledExecutorService deadlines;
    private final Clock clock;

    HttpFetcher(CloseableHttpClient client, FetchSettings settings, ScheduledExecutorService deadlines, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.hosts = new HostGate(settings.perHostConcurrency(), clock);
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * The total timeout runs from the moment the first request may go out: time spent in this
     * instance's own per-host queue has its own limit (as long again) and is never the feed's failure.
     */
    public FetchResponse fetch(FetchRequest request) throws FetchException {
        URI first = checkedUrl(request.url());
        String credentials = first.getRawUserInfo();
        URI url = withoutUserInfo(first);
        Instant deadline = null;
        boolean onlyPermanentMoves = true;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            String host = url.getHost().toLowerCase(Locale.ROOT);
            enter(host);
            try {
                deadline = deadline != null ? deadline : clock.instant().plus(settings.totalTimeout());
                boolean sameOrigin = sameOrigin(first, url);
                Hop result = exchange(request, url, host, deadline, sameOrigin ? credentials : null, sameOrigin);
                if (result.redirect() == null) {
                    return hop > 0 && onlyPermanentMoves ? result.response().asMovedPermanently() : result.response();
                }
                onlyPermanentMoves &= result.permanent();
                url = result.redirect();
            } finally {
                hosts.leave(host);
            }
        }
        throw new FetchException("More than " + settings.maxRedirects() + " redirects (last to " + url + ")");
    }

    private void enter(String host) throws FetchException {
        Instant held = hosts.heldUntil(host);
        if (held != null) {
            throw new FetchException(host + " asked to be left alone until " + held + " (Retry-After)", 0, held, null);
        }
        try {
            if (!hosts.enter(host, settings.totalTimeout())) {
                throw FetchException.ours("Waited " + settings.totalTimeout().toSeconds() + " s for one of this"
                        + " instance's " + settings.perHostConcurrency() + " connections to " + host + " without one coming free");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("Interrupted", e);
        }
    }

    private Hop exchange(FetchRequest request, URI url, String host, Instant deadline, String credentials,
            boolean sameOrigin) throws FetchException {
        HttpUriRequestBase get = request.form() == null ? new HttpGet(url) : form(url, request.form());
        // credentials go to the origin they were given for, never to where a redirect points
        request.headers().forEach((name, value) -> {
            if (sameOrigin || !name.equalsIgnoreCase("authorization")) {
                get.setHeader(name, value);
            }
        });
        if (credentials != null) {
            get.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    URLDecoder.decode(credentials, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)));
        }
        ScheduledFuture<?> timer = deadlines.schedule(get::cancel, remaining(deadline).toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(get, response -> read(url, response, host, request.form() == null));
        } catch (FetchExceptionCarrier carried) {
            throw carried.failure;
        } catch (BlockedAddressException blocked) {
            throw new FetchException(blocked.getMessage(), blocked);
        } catch (IOException e) {
            if (get.isCancelled() || e instanceof InterruptedIOException && timer.isDone()) {
                throw new FetchException("No complete answer within the total timeout of "
                        + settings.totalTimeout().toSeconds() + " s", e);
            }
            throw new FetchException(describe(e), e);
        } finally {
            timer.cancel(false);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && a.getPort() == b.getPort();
    }

    /** HttpClient refuses URLs with user:password@; they are sent as Basic credentials instead. */
    private static URI withoutUserInfo(URI url) {
        return url.getRawUserInfo() == null ? url : URI.create(url.toString().replace(url.getRawUserInfo() + "@", ""));
    }

    private Hop read(URI url, ClassicHttpResponse response, String host, boolean mayRedirect) throws IOException {
        int status = response.getCode();
        Map<String, String> headers = headers(response);
        if (mayRedirect && (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)) {
            String location = headers.get("location");
            if (location == null) {
                throw carry(new FetchException("HTTP " + status + " without a Location", status, null, null));
            }
            try {
                return new Hop(null, checkedUrl(location(url, location)), status == 301 || status == 308);
            } catch (FetchException | IllegalArgumentException e) {
                throw carry(new FetchException("HTTP " + status + " to an unusable Location: " + location, status,
                        null, e));
            }
        }
        if (status == 304) {
            return new Hop(new FetchResponse(304, url, new byte[0], headers, CacheControl.maxAge(headers)), null, false);
        }
        if (status == 429 || status == 503) {
            Instant until = RetryAfter.parse(headers.get("retry-after"), clock.instant(), settings.maxRetryAfter());
            if (until != null) {
                hosts.hold(host, until);
            }
            throw carry(new FetchException("HTTP " + status + " " + response.getReasonPhrase()
                    + (until == null ? "" : " (Retry-After: until " + until + ")"), status, until, null));
        }
        if (status != 200) {
            throw carry(new FetchException("HTTP " + status + " " + response.getReasonPhrase()
                    + (status == 204 ? " (no content: the server sent no feed this time)" : ""), status, null, null));
        }
        String encoding = headers.get("content-encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            // gzip and deflate were decoded (and the header removed); bytes in any other coding are no feed
            throw carry(new FetchException("The body is compressed with " + encoding + ", which Pulse does not"
                    + " decode (it asks for gzip or deflate)", 200, null, null));
        }
        byte[] body = body(response.getEntity());
        if (body.length == 0) {
            // a crashed script or a CDN hiccup, not a feed that is gone: failed for now, tried again later
            throw carry(new FetchException("HTTP 200 with an empty body", 200, null, null));
        }
        return new Hop(new FetchResponse(200, url, body, headers, CacheControl.maxAge(headers)), null, false);
    }

    private static HttpPost form(URI url, Map<String, String> fields) {
        HttpPost post = new HttpPost(url);
        post.setEntity(new UrlEncodedFormEntity(fields.entrySet().stream()
                .map(e -> (NameValuePair) new BasicNameValuePair(e.getKey(), e.getValue())).toList(), StandardCharsets.UTF_8));
        return post;
    }

    private byte[] body(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            return CappedBody.read(in, settings.maxBodyBytes());
        } catch (CappedBody.TooLarge e) {
            throw carry(new FetchException("The body exceeds " + settings.maxBodyBytes() / (1024 * 1024)
                    + " MiB (counted after decompression); stopped reading there"));
        }
    }

    private static Map<String, String> headers(ClassicHttpResponse response) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        return headers;
    }

    static URI checkedUrl(URI url) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("Only http and https URLs are fetched, not " + url);
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new FetchException("The URL has no host: " + url);
        }
        // from the raw parts as they are: URI's multi-argument constructors quote every %, so c%23 would
        // be requested as c%2523
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return URI.create(scheme + "://" + url.getRawAuthority() + path
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())).normalize();
    }

    /** A Location as servers send it, spaces and raw UTF-8 included, as the URI a browser would follow. */
    static URI location(URI from, String location) {
        StringBuilder escaped = new StringBuilder(location.length() + 16);
        for (byte b : location.strip().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= ' ' || c >= 127 || "\"<>\\^`{|}".indexOf(c) >= 0) {
                escaped.append('%').append(String.format("%02X", c));
            } else {
                escaped.append((char) c);
            }
        }
        return from.resolve(escaped.toString());
    }

    private Duration remaining(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "UnknownHostException" -> "Unknown host: " + e.getMessage();
            case "ConnectException", "HttpHostConnectException" -> "Connection refused: " + e.getMessage();
            case "SocketTimeoutException" -> "Timed out: " + e.getMessage();
            case "ConnectTimeoutException" -> "Connect timed out: " + e.getMessage();
            default -> name + ": " + e.getMessage();
        };
    }

    private static FetchExceptionCarrier carry(FetchException failure) {
        return new FetchExceptionCarrier(failure);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private record Hop(FetchResponse response, URI redirect, boolean permanent) {
    }

    /** Lets a FetchException out of the client's response handler, which may only throw IOException. */
    private static final class FetchExceptionCarrier extends IOException {
        private final FetchException failure;

        FetchExceptionCarrier(FetchException failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }
}
