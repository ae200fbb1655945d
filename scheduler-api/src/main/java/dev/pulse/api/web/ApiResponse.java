package dev.pulse.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The envelope of every API answer, errors included: {@code {success, data, error}}. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiResponse<T>(boolean success, T data, ApiError error) {

    public static <T> ApiResponse<T> ok(T data) {
        return new ApiResponse<>(true, data, null);
    }

    public static ApiResponse<Void> failure(ApiError error) {
        return new ApiResponse<>(false, null, error);
    }
}
