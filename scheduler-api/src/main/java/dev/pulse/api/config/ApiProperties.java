package dev.pulse.api.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The API's secrets and public address. Unset secrets fall back to well-known local-development values
 * (logged as a warning at start), so the local stack needs no set-up and production must set them.
 */
@ConfigurationProperties("pulse.api")
public record ApiProperties(String jwtSecret, String unsubscribeSecret, URI publicUrl, Duration tokenTtl) {

    static final String LOCAL_JWT_SECRET = "pulse-local-development-jwt-secret-not-for-production";
    static final String LOCAL_UNSUBSCRIBE_SECRET = "pulse-local-development-unsubscribe-secret-not-for-production";

    public ApiProperties {
        jwtSecret = blank(jwtSecret) ? LOCAL_JWT_SECRET : jwtSecret;
        unsubscribeSecret = blank(unsubscribeSecret) ? LOCAL_UNSUBSCRIBE_SECRET : unsubscribeSecret;
        publicUrl = publicUrl == null ? URI.create("http://localhost:8080") : publicUrl;
        tokenTtl = tokenTtl == null ? Duration.ofHours(12) : tokenTtl;
        if (jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalArgumentException("pulse.api.jwt-secret (PULSE_JWT_SECRET) must be at least 32 bytes for HS256");
        }
    }

    /** The same settings as the running API reads, for command-line tools that start no Spring. */
    public static ApiProperties fromEnvironment(java.util.Map<String, String> env) {
        return new ApiProperties(env.get("PULSE_JWT_SECRET"), env.get("PULSE_UNSUBSCRIBE_SECRET"),
                env.containsKey("PULSE_PUBLIC_URL") ? URI.create(env.get("PULSE_PUBLIC_URL")) : null, null);
    }

    public boolean usesLocalSecrets() {
        return LOCAL_JWT_SECRET.equals(jwtSecret) || LOCAL_UNSUBSCRIBE_SECRET.equals(unsubscribeSecret);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
