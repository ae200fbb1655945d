package dev.pulse.api.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import dev.pulse.api.web.SecurityErrorWriter;

/**
 * Bearer JWTs on everything but health, API docs and the public unsubscribe page. A token must carry
 * {@code exp} and {@code sub}: HS256 tokens signed with the shared secret name the user id (a UUID) in
 * {@code sub}; tokens from an identity provider may carry any subject (see {@code CurrentUser}). Roles
 * are per workspace, checked by the services, not here; only the operator scope is checked here.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiProperties.class, IdentityProviderProperties.class})
class SecurityConfiguration {

    /**
     * Operator endpoints (lag, bulk replay) take a token with the {@code pulse:operator} scope
     * ({@code scope} or {@code scp} claim): {@code mint-token --operator}, or the identity provider's grant.
     */
    static final String OPERATOR_AUTHORITY = "SCOPE_" + dev.pulse.api.auth.TokenMinter.OPERATOR_SCOPE;

    @Bean
    SecurityFilterChain api(HttpSecurity http, SecurityErrorWriter errors) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus",
                                "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html",
                                "/api/v1/unsubscribe", "/error").permitAll()
                        .requestMatchers("/api/v1/ops/**").hasAuthority(OPERATOR_AUTHORITY)
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()).authenticationEntryPoint(errors))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(ApiProperties api, IdentityProviderProperties idp) {
        if (api.jwtSecret() == null && !idp.configured()) {
            throw new IllegalStateException("No way to check bearer tokens: set PULSE_JWT_SECRET (at least "
                    + ApiProperties.MIN_SECRET_BYTES + " random bytes, e.g. `openssl rand -base64 48`), or an identity provider "
                    + "with SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI or SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI");
        }
        return new BearerTokenDecoder(api.jwtSecret() == null ? null : sharedSecret(api.jwtSecret()),
                idp.configured() ? identityProvider(idp) : null);
    }

    private static JwtDecoder sharedSecret(String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(validators(JwtValidators.createDefault(), new JwtClaimValidator<String>(JwtClaimNames.SUB,
                SecurityConfiguration::isUuid)));
        return decoder;
    }

    /** Resolved on first use, so the API starts (and reports health) while the provider is unreachable. */
    private static JwtDecoder identityProvider(IdentityProviderProperties idp) {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (idp.jwkSetUri() != null
                    ? NimbusJwtDecoder.withJwkSetUri(idp.jwkSetUri().toString())
                    : NimbusJwtDecoder.withIssuerLocation(idp.issuerUri().toString()))
                    .jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.values())))
                    .build();
            List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
            checks.add(idp.issuerUri() != null ? JwtValidators.createDefaultWithIssuer(idp.issuerUri().toString())
                    : JwtValidators.createDefault());
            checks.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
            if (!idp.audiences().isEmpty()) {
                checks.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(idp.audiences()::contains)));
            }
            decoder.setJwtValidator(validators(checks.toArray(OAuth2TokenValidator[]::new)));
            return decoder;
        });
    }

    @SafeVarargs
    private static OAuth2TokenValidator<Jwt> validators(OAuth2TokenValidator<Jwt>... checks) {
        List<OAuth2TokenValidator<Jwt>> all = new ArrayList<>(List.of(checks));
        all.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null));
        return new DelegatingOAuth2TokenValidator<>(all);
    }

    private static boolean isUuid(String subject) {
        try {
            return subject != null && UUID.fromString(subject) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
