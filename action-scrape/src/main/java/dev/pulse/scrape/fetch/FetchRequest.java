package dev.pulse.scrape.fetch;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One GET, or a form POST when {@code form} is set (never redirected): the URL, and the headers it adds
 * to the fetcher's own (conditional GET, authorization).
 */
public record FetchRequest(URI url, Map<String, String> headers, Map<String, String> form) {

    public FetchRequest {
        headers = Map.copyOf(headers);
        form = form == null ? null : Map.copyOf(form);
    }

    public static FetchRequest of(URI url) {
        return new FetchRequest(url, Map.of(), null);
    }

    public static FetchRequest post(URI url, Map<String, String> form) {
        return new FetchRequest(url, Map.of(), form);
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
        return new FetchRequest(url, headers, null);
    }

    public FetchRequest with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new FetchRequest(url, more, form);
    }
}
