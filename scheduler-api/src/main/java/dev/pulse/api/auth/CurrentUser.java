package dev.pulse.api.auth;

import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/** The caller, as the validated token says: its id, and its email if the token carries one. */
public record CurrentUser(UUID id, String email) {

    public static CurrentUser of(Jwt jwt) {
        return new CurrentUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString("email"));
    }
}
