package dev.pulse.api.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document behind Swagger UI: a bearer-JWT scheme that every operation requires (so
 * Swagger UI's Authorize button works), except the ones that opt out with an empty
 * {@code @SecurityRequirements} (the public unsubscribe page).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer-jwt";

    @Bean
    OpenAPI pulseOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info().title("Pulse API").version(properties == null ? "development" : properties.getVersion())
                        .description("Scheduled newsletters: jobs that scrape a workspace's feeds, generate a newsletter "
                                + "and send it to its subscribers, once per scheduled instant. Every answer is the envelope "
                                + "{success, data, error}. Authorize with a bearer token: `./pulse token <user-id>` mints one "
                                + "for a local stack; `./pulse up` prints one for its demo user."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("HS256 token signed with PULSE_JWT_SECRET (sub = user id), or a token from the "
                                + "configured identity provider")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
