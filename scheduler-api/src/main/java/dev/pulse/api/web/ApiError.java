package dev.pulse.api.web;

import java.util.Map;

/**
 * What went wrong: a stable machine-readable {@code code}, a sentence for people, and per-field
 * messages in {@code details} (keyed by the request's field names) where input was at fault.
 */
public record ApiError(String code, String message, Map<String, String> details) {

    public ApiError {
        details = details == null ? Map.of() : details;
    }
}
