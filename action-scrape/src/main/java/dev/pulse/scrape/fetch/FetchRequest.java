package dev.pulse.scrape.fetch;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** One GET: the URL, and the headers it adds to the fetcher's own (conditional GET, authorization). */
public record FetchRequest(URI url, Map<String, String> headers) {

    public FetchRequest {
        headers = Map.copyOf(headers);
    }

    public static FetchRequest of(URI url) {
        return new FetchRequest(url, Map.of());
    }

    /** A conditional GET: the server answers 304 if the document is unchanged since these validators. */
    public static FetchRequest conditional(URI url, String etag, String lastModified) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        if (lastModified != null) {
            headers.put("If-Modified-Since", lastModified);
        }
        return new FetchRequest(url, headers);
    }

    public FetchRequest with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new FetchRequest(url, more);
    }
}
