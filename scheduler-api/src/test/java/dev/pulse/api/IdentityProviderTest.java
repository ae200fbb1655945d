package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.pulse.api.auth.TokenMinter;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;

/**
 * Tokens from an external identity provider, configured with Spring's own resource-server properties
 * (an issuer URI, or a JWK set URI): the API checks signature, issuer, audience and expiry — beside the
 * shared secret, which still works.
 */
class IdentityProviderTest {

    private static final FakeIdentityProvider PROVIDER = new FakeIdentityProvider();

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Nested
    @WithKafka
    @WithPostgres
    @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {TestSecrets.JWT_PROPERTY,
            TestSecrets.UNSUBSCRIBE_PROPERTY, "spring.security.oauth2.resourceserver.jwt.audiences=pulse-api"})
    class ByIssuerUri {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void identityProvider(DynamicPropertyRegistry registry) {
            registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> PROVIDER.issuer);
        }

        @Test
        void aProvidersTokenWithAnySubjectIsAccepted() {
            ApiClient alice = ApiClient.withAuthorization(port, "Bearer " + PROVIDER.token(PROVIDER.issuer, "auth0|alice", "pulse-api"));
            ApiClient.Reply me = alice.get("/api/v1/me");
            assertThat(me.status()).as(me.text()).isEqualTo(200);
            UUID id = UUID.fromString(me.data().get("user_id").asString());
            assertThat(id).isEqualTo(UUID.nameUUIDFromBytes((PROVIDER.issuer + "\nauth0|alice").getBytes(StandardCharsets.UTF_8)));
            assertThat(me.data().get("subject").asString()).isEqualTo("auth0|alice");
            assertThat(alice.get("/api/v1/me").data().get("user_id").asString()).as("stable").isEqualTo(id.toString());

            ApiClient.Reply workspace = alice.post("/api/v1/workspaces", "{\"name\": \"from the IdP\"}");
            assertThat(workspace.status()).as(workspace.text()).isEqualTo(201);
            assertThat(alice.get("/api/v1/workspaces").data().get(0).get("role").asString()).isEqualTo("owner");
        }

        @Test
        void aWrongIssuerAudienceOrKeyIsA401() {
            assertUnauthorized(port, PROVIDER.token("http://localhost:1/other", "bob", "pulse-api"));
            assertUnauthorized(port, PROVIDER.token(PROVIDER.issuer, "bob", "another-api"));
            assertUnauthorized(port, PROVIDER.impostorToken("bob", "pulse-api"));
        }

        @Test
        void theSharedSecretStillWorksBesideTheProvider() {
            String token = new TokenMinter(TestSecrets.JWT).mint(UUID.randomUUID(), null, Duration.ofMinutes(5));
            assertThat(ApiClient.withAuthorization(port, "Bearer " + token).get("/api/v1/workspaces").status()).isEqualTo(200);
        }
    }

    /** The provider's key set only, and no shared secret at all: HS256 tokens are refused. */
    @Nested
    @WithKafka
    @WithPostgres
    @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"pulse.api.jwt-secret=",
            TestSecrets.UNSUBSCRIBE_PROPERTY})
    class ByJwkSetUriWithoutASharedSecret {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void identityProvider(DynamicPropertyRegistry registry) {
            registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", PROVIDER::jwkSetUri);
        }

        @Test
        void signedByTheProvidersKeyIsAcceptedAnythingElseIsA401() {
            ApiClient.Reply me = ApiClient.withAuthorization(port, "Bearer " + PROVIDER.token(PROVIDER.issuer, "carol", "any")).get("/api/v1/me");
            assertThat(me.status()).as(me.text()).isEqualTo(200);
            assertUnauthorized(port, PROVIDER.impostorToken("carol", "any"));
            assertUnauthorized(port, new TokenMinter(TestSecrets.JWT).mint(UUID.randomUUID(), null, Duration.ofMinutes(5)));
        }
    }

    private static void assertUnauthorized(int port, String token) {
        ApiClient.Reply reply = ApiClient.withAuthorization(port, "Bearer " + token).get("/api/v1/me");
        assertThat(reply.status()).as(reply.text()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unauthorized");
    }
}
