package dev.pulse.scrape.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * A 200 or a 304, after redirects: {@code url} is where the document was found; {@code headers} has
 * lower-case names; {@code maxAge} is the response's Cache-Control max-age, if any.
 */
public record FetchResponse(int status, URI url, byte[] body, Map<String, String> headers, Duration maxAge) {

    public boolean notModified() {
        return status == 304;
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
