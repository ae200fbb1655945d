package dev.pulse.api.config;

import java.text.ParseException;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.nimbusds.jwt.JWTParser;

/**
 * Sends each token to the decoder of its kind: HS256 tokens to the shared secret's, signed ones (RS256,
 * ES256, …) to the identity provider's. Either may be absent; a token of an absent kind is rejected.
 */
final class BearerTokenDecoder implements JwtDecoder {

    private final JwtDecoder sharedSecret;
    private final JwtDecoder identityProvider;

    BearerTokenDecoder(JwtDecoder sharedSecret, JwtDecoder identityProvider) {
        this.sharedSecret = sharedSecret;
        this.identityProvider = identityProvider;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String algorithm;
        try {
            algorithm = JWTParser.parse(token).getHeader().getAlgorithm().getName();
        } catch (ParseException | RuntimeException e) {
            throw new BadJwtException("not a JWT", e);
        }
        JwtDecoder decoder = algorithm.startsWith("HS") ? sharedSecret : identityProvider;
        if (decoder == null) {
            throw new BadJwtException("tokens signed with " + algorithm + " are not accepted here");
        }
        return decoder.decode(token);
    }
}
