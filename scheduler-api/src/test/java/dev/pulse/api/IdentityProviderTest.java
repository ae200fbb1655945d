package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import dev.pulse.api.auth.TokenMinter;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;

/**
 * Tokens from an external identity provider, configured with Spring's own resource-server properties:
 * a real HTTP server plays the provider (OpenID discovery and a JWK set), and the API checks signature,
 * issuer, audience and expiry — beside the shared secret, which still works.
 */
@WithKafka
@WithPostgres
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {TestSecrets.JWT_PROPERTY,
        TestSecrets.UNSUBSCRIBE_PROPERTY, "spring.security.oauth2.resourceserver.jwt.audiences=pulse-api"})
class IdentityProviderTest {

    private static final RSAKey PROVIDER_KEY = rsaKey("provider");
    private static final RSAKey OTHER_KEY = rsaKey("provider");
    private static final HttpServer PROVIDER = provider();
    private static final String ISSUER = "http://localhost:" + PROVIDER.getAddress().getPort() + "/realms/pulse";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop(0);
    }

    @Test
    void aProvidersTokenWithAnySubjectIsAccepted() {
        ApiClient alice = ApiClient.withAuthorization(port, "Bearer " + token(PROVIDER_KEY, ISSUER, "auth0|alice", "pulse-api"));
        ApiClient.Reply me = alice.get("/api/v1/me");
        assertThat(me.status()).as(me.text()).isEqualTo(200);
        UUID id = UUID.fromString(me.data().get("user_id").asString());
        assertThat(id).isEqualTo(UUID.nameUUIDFromBytes((ISSUER + "\nauth0|alice").getBytes(StandardCharsets.UTF_8)));
        assertThat(me.data().get("subject").asString()).isEqualTo("auth0|alice");
        assertThat(alice.get("/api/v1/me").data().get("user_id").asString()).as("stable").isEqualTo(id.toString());

        ApiClient.Reply workspace = alice.post("/api/v1/workspaces", "{\"name\": \"from the IdP\"}");
        assertThat(workspace.status()).as(workspace.text()).isEqualTo(201);
        assertThat(alice.get("/api/v1/workspaces").data().get(0).get("role").asString()).isEqualTo("owner");
    }

    @Test
    void aWrongIssuerAudienceOrKeyIsA401() {
        assertUnauthorized(token(PROVIDER_KEY, "http://localhost:1/other", "bob", "pulse-api"));
        assertUnauthorized(token(PROVIDER_KEY, ISSUER, "bob", "another-api"));
        assertUnauthorized(token(OTHER_KEY, ISSUER, "bob", "pulse-api"));
    }

    @Test
    void theSharedSecretStillWorksBesideTheProvider() {
        String token = new TokenMinter(TestSecrets.JWT).mint(UUID.randomUUID(), null, Duration.ofMinutes(5));
        assertThat(ApiClient.withAuthorization(port, "Bearer " + token).get("/api/v1/workspaces").status()).isEqualTo(200);
    }

    private void assertUnauthorized(String token) {
        ApiClient.Reply reply = ApiClient.withAuthorization(port, "Bearer " + token).get("/api/v1/me");
        assertThat(reply.status()).as(reply.text()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("unauthorized");
    }

    private static String token(RSAKey key, String issuer, String subject, String audience) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .claim("email", "alice@example.org").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey rsaKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** OpenID discovery at the issuer, and the provider's public key set. */
    private static HttpServer provider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            String base = "http://localhost:" + server.getAddress().getPort() + "/realms/pulse";
            serve(server, "/realms/pulse/.well-known/openid-configuration",
                    "{\"issuer\": \"" + base + "\", \"jwks_uri\": \"" + base + "/certs\", \"subject_types_supported\": [\"public\"]}");
            serve(server, "/realms/pulse/certs", new JWKSet(PROVIDER_KEY.toPublicJWK()).toString());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(HttpServer server, String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}
