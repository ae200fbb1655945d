package dev.pulse.api.config;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spring's own resource-server settings, for a deployment whose tokens come from its identity provider
 * (Keycloak, Auth0, Entra ID, …) instead of the shared secret: an issuer URI (its OpenID configuration
 * names the key set, and {@code iss} must match), or a JWK set URI directly; {@code audiences}, if set,
 * must include one of the token's {@code aud}.
 */
@ConfigurationProperties("spring.security.oauth2.resourceserver.jwt")
record IdentityProviderProperties(URI issuerUri, URI jwkSetUri, List<String> audiences) {

    IdentityProviderProperties {
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
    }

    boolean configured() {
        return issuerUri != null || jwkSetUri != null;
    }
}
