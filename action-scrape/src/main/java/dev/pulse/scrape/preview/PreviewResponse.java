package dev.pulse.scrape.preview;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The API's envelope, {@code {success, data, error: {code, message, details}}}, for the feed check. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record PreviewResponse(boolean success, FeedPreview data, Error error) {

    record Error(String code, String message, Map<String, String> details) {
    }

    static PreviewResponse ok(FeedPreview preview) {
        return new PreviewResponse(true, preview, null);
    }

    static PreviewResponse failure(String code, String message) {
        return new PreviewResponse(false, null, new Error(code, message, Map.of("url", message)));
    }
}
