package dev.pulse.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

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

/**
 * An identity provider over real HTTP, as Keycloak lays it out: OpenID discovery at the issuer and the
 * public key set at {@code <issuer>/certs}. It signs RS256 tokens with its key; {@link #impostorToken}
 * signs with another key under the same key id.
 */
final class FakeIdentityProvider implements AutoCloseable {

    private final RSAKey key = rsaKey();
    private final RSAKey impostor = rsaKey();
    private final HttpServer server;
    final String issuer;

    FakeIdentityProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://localhost:" + server.getAddress().getPort() + "/realms/pulse";
        serve("/realms/pulse/.well-known/openid-configuration",
                "{\"issuer\": \"" + issuer + "\", \"jwks_uri\": \"" + jwkSetUri() + "\", \"subject_types_supported\": [\"public\"]}");
        serve("/realms/pulse/certs", new JWKSet(key.toPublicJWK()).toString());
        server.start();
    }

    String jwkSetUri() {
        return issuer + "/certs";
    }

    String token(String issuedBy, String subject, String audience) {
        return sign(key, issuedBy, subject, audience);
    }

    String impostorToken(String subject, String audience) {
        return sign(impostor, issuer, subject, audience);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String sign(RSAKey with, String issuer, String subject, String audience) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .claim("email", subject.replaceAll("[^a-z]", "") + "@example.org").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(with));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("pulse-realm").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve(String path, String json) {
        server.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}
