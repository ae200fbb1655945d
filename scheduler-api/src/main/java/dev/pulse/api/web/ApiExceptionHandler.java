package dev.pulse.api.web;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.pulse.contracts.schedule.InvalidScheduleException;

/** Every failure becomes the envelope with a meaningful status; nothing raw reaches a client. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiResponse<Void>> api(ApiException e) {
        return respond(e.status(), e.toError());
    }

    /** Requests are validated field by field first; this is the net under that, never a 500. */
    @ExceptionHandler(InvalidScheduleException.class)
    ResponseEntity<ApiResponse<Void>> invalidSchedule(InvalidScheduleException e) {
        return api(ApiException.invalid(e.field(), e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiResponse<Void>> unreadable(HttpMessageNotReadableException e) {
        return respond(HttpStatus.BAD_REQUEST, new ApiError("malformed_json",
                "The request body is not valid JSON", Map.of("body", "not valid JSON")));
    }

    /** A path id that is not a UUID names nothing that exists; a bad query parameter is bad input. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiResponse<Void>> typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            return respond(HttpStatus.NOT_FOUND, new ApiError("not_found", e.getName() + " not found", Map.of()));
        }
        return respond(HttpStatus.BAD_REQUEST, new ApiError("validation_failed", "The request has invalid fields",
                Map.of(e.getName(), "must be " + describe(e.getRequiredType()))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiResponse<Void>> missingParameter(MissingServletRequestParameterException e) {
        return respond(HttpStatus.BAD_REQUEST, new ApiError("validation_failed", "The request has invalid fields",
                Map.of(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiResponse<Void>> noResource(NoResourceFoundException e) {
        return respond(HttpStatus.NOT_FOUND, new ApiError("not_found", "No such endpoint", Map.of()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> method(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, new ApiError("method_not_allowed", e.getMessage(), Map.of()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, new ApiError("unsupported_media_type", e.getMessage(), Map.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> unexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, new ApiError("internal_error",
                "Something went wrong on our side; it has been logged", Map.of()));
    }

    private static ResponseEntity<ApiResponse<Void>> respond(HttpStatus status, ApiError error) {
        return ResponseEntity.status(status).body(ApiResponse.failure(error));
    }

    private static String describe(Class<?> type) {
        return type == null ? "of another type" : switch (type.getSimpleName()) {
            case "Integer", "int", "Long", "long" -> "an integer";
            case "UUID" -> "a UUID";
            default -> "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
