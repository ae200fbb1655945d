package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;

/** No secret is built in: without one the API refuses to start, and says which variable to set. */
@WithKafka
@WithPostgres
class SecretsTest {

    @Test
    void withoutAJwtSecretOrAnIdentityProviderTheApiDoesNotStart() {
        assertThatThrownBy(() -> start(TestSecrets.UNSUBSCRIBE_PROPERTY).close())
                .satisfies(e -> assertThat(rootCause(e).getMessage()).contains("PULSE_JWT_SECRET")
                        .contains("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"));
    }

    @Test
    void withoutAnUnsubscribeSecretTheApiDoesNotStart() {
        assertThatThrownBy(() -> start(TestSecrets.JWT_PROPERTY).close())
                .satisfies(e -> assertThat(rootCause(e).getMessage()).contains("PULSE_UNSUBSCRIBE_SECRET"));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> start(TestSecrets.UNSUBSCRIBE_PROPERTY, "pulse.api.jwt-secret=too-short").close())
                .satisfies(e -> assertThat(rootCause(e).getMessage()).contains("PULSE_JWT_SECRET").contains("32 bytes"));
    }

    /** Starts the API with no secret but those given (as command-line arguments, which outrank the environment). */
    private static ConfigurableApplicationContext start(String... properties) {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("server.port", "0", "pulse.api.jwt-secret", "",
                "pulse.api.unsubscribe-secret", ""));
        for (String property : properties) {
            String[] pair = property.split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        return new SpringApplicationBuilder(SchedulerApiApplication.class)
                .run(settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
