package dev.pulse.api.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signs the HS256 bearer tokens the API accepts: {@code sub} is the user id, {@code exp} is required. */
public final class TokenMinter {

    /** The scope that opens the operator endpoints (/api/v1/ops/**). */
    public static final String OPERATOR_SCOPE = "pulse:operator";

    private final byte[] secret;

    public TokenMinter(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public String mint(UUID userId, String email, Duration ttl) {
        return mint(userId, email, ttl, false);
    }

    /** A token that is also an operator's ({@code scope: pulse:operator}). */
    public String mint(UUID userId, String email, Duration ttl, boolean operator) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)));
        if (email != null) {
            claims.claim("email", email);
        }
        if (operator) {
            claims.claim("scope", OPERATOR_SCOPE);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return jwt.serialize();
    }
}
