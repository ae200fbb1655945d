package dev.pulse.scrape.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A 200 or a 304, after redirects: {@code url} is where the document was found; {@code headers} has
 * lower-case names; {@code maxAge} is the response's Cache-Control max-age, if any;
 * {@code movedPermanently}: every redirect on the way was a 301 or 308, so {@code url} is the new home.
 */
public record FetchResponse(int status, URI url, byte[] body, Map<String, String> headers, Duration maxAge,
        boolean movedPermanently) {

    FetchResponse(int status, URI url, byte[] body, Map<String, String> headers, Duration maxAge) {
        this(status, url, body, headers, maxAge, false);
    }

    FetchResponse asMovedPermanently() {
        return new FetchResponse(status, url, body, headers, maxAge, true);
    }

    public boolean notModified() {
        return status == 304;
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
