package dev.pulse.api.subscriber;

import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import dev.pulse.contracts.unsubscribe.UnsubscribeTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * RFC 8058 one-click unsubscribe, public (the token is the credential). GET shows a confirmation page
 * and changes nothing, because mail scanners follow links; POST with {@code List-Unsubscribe=One-Click}
 * unsubscribes, and doing it twice is the same as once.
 */
@RestController
@Tag(name = "Unsubscribe", description = "Public one-click unsubscribe (RFC 8058)")
@SecurityRequirements
class UnsubscribeController {

    private static final String ONE_CLICK = "One-Click";

    private final UnsubscribeTokens tokens;
    private final SubscriberRepository subscribers;

    UnsubscribeController(UnsubscribeTokens tokens, SubscriberRepository subscribers) {
        this.tokens = tokens;
        this.subscribers = subscribers;
    }

    @GetMapping(path = "/api/v1/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Confirmation page; changes nothing")
    ResponseEntity<String> confirm(@RequestParam(required = false) String token) {
        Optional<String> email = subscriber(token).flatMap(this::email);
        if (email.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "Link not recognised", "<p>This unsubscribe link is not valid.</p>");
        }
        return page(HttpStatus.OK, "Unsubscribe", "<p>Stop sending newsletters to <b>" + HtmlUtils.htmlEscape(email.get())
                + "</b>?</p><form method=post><input type=hidden name=List-Unsubscribe value=One-Click>"
                + "<button type=submit>Unsubscribe</button></form>");
    }

    @PostMapping(path = "/api/v1/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Unsubscribe (form body List-Unsubscribe=One-Click)")
    ResponseEntity<String> unsubscribe(@RequestParam(required = false) String token,
            @RequestParam(name = "List-Unsubscribe", required = false) String listUnsubscribe) {
        if (!ONE_CLICK.equals(listUnsubscribe)) {
            return page(HttpStatus.BAD_REQUEST, "Not unsubscribed", "<p>Expected List-Unsubscribe=One-Click.</p>");
        }
        Optional<UUID> subscriber = subscriber(token).filter(id -> email(id).isPresent());
        if (subscriber.isEmpty()) {
            return page(HttpStatus.NOT_FOUND, "Link not recognised", "<p>This unsubscribe link is not valid.</p>");
        }
        subscribers.unsubscribe(subscriber.get());
        return page(HttpStatus.OK, "Unsubscribed", "<p>You will receive no more newsletters at this address.</p>");
    }

    private Optional<UUID> subscriber(String token) {
        return tokens.verify(token);
    }

    private Optional<String> email(UUID subscriber) {
        return subscribers.email(subscriber);
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body("<!doctype html><meta charset=utf-8><title>" + title + "</title><h1>" + title + "</h1>" + body);
    }
}
