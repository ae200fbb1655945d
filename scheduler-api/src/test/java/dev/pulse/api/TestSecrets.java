package dev.pulse.api;

/** The secrets the tests' API runs with; no secret is built into the API itself. */
final class TestSecrets {

    static final String JWT = "test-only-jwt-secret-0123456789abcdef0123456789";
    static final String UNSUBSCRIBE = "test-only-unsubscribe-secret-0123456789abcdef";
    static final String JWT_PROPERTY = "pulse.api.jwt-secret=" + JWT;
    static final String UNSUBSCRIBE_PROPERTY = "pulse.api.unsubscribe-secret=" + UNSUBSCRIBE;

    private TestSecrets() {
    }
}
