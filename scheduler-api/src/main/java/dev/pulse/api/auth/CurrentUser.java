package dev.pulse.api.auth;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller, as the validated token says: its Pulse user id, and its email if the token carries one.
 * A {@code sub} that is a UUID is the id; any other subject (an identity provider's "auth0|123") maps to
 * a name-based UUID of issuer and subject, the same on every request. {@code GET /api/v1/me} shows it.
 */
public record CurrentUser(UUID id, String email) {

    public static CurrentUser of(Jwt jwt) {
        return new CurrentUser(idOf(jwt), jwt.getClaimAsString("email"));
    }

    private static UUID idOf(Jwt jwt) {
        String subject = jwt.getSubject();
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException notAUuid) {
            String issuer = jwt.getIssuer() == null ? "" : jwt.getIssuer().toString();
            return UUID.nameUUIDFromBytes((issuer + "\n" + subject).getBytes(StandardCharsets.UTF_8));
        }
    }
}
