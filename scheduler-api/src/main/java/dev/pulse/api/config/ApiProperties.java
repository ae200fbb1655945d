package dev.pulse.api.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API's secrets and public address. There are no built-in secrets: the unsubscribe secret is always
 * required, and the JWT secret unless tokens come from an identity provider ({@link IdentityProviderProperties});
 * the local stack generates both. Each secret is at least 32 bytes (HS256 and HMAC-SHA256 keys). The
 * public URL's default is in application.yml.
 */
@ConfigurationProperties("pulse.api")
public record ApiProperties(String jwtSecret, String unsubscribeSecret, URI publicUrl) {

    static final int MIN_SECRET_BYTES = 32;

    public ApiProperties {
        jwtSecret = blank(jwtSecret) ? null : jwtSecret;
        if (jwtSecret != null) {
            requireLength(jwtSecret, "pulse.api.jwt-secret (PULSE_JWT_SECRET)");
        }
        if (blank(unsubscribeSecret)) {
            throw new IllegalArgumentException("PULSE_UNSUBSCRIBE_SECRET (pulse.api.unsubscribe-secret) is not set: "
                    + "it signs the unsubscribe links in every newsletter; set it to a random value of at least "
                    + MIN_SECRET_BYTES + " bytes, e.g. `openssl rand -base64 48`");
        }
        requireLength(unsubscribeSecret, "pulse.api.unsubscribe-secret (PULSE_UNSUBSCRIBE_SECRET)");
        if (publicUrl == null) {
            throw new IllegalArgumentException("pulse.api.public-url (PULSE_PUBLIC_URL) is not set");
        }
    }

    static void requireLength(String secret, String name) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(name + " must be at least " + MIN_SECRET_BYTES + " bytes");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
