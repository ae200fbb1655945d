package dev.pulse.ticker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

/**
 * The ticker's settings as the service binds them: every default comes from application.yml (the one
 * place they are defined, the README's table), and the environment variables the README names override them.
 */
class TickerPropertiesTest {

    @Test
    void theDefaultsAreThoseOfApplicationYml() throws Exception {
        TickerProperties ticker = bind(Map.of());
        assertThat(ticker.tick()).isEqualTo(Duration.ofMillis(2));
        assertThat(ticker.defaultMisfireGrace()).isEqualTo(Duration.ofHours(1));
        assertThat(ticker.streamThreads()).isEqualTo(4);
        assertThat(ticker.rocksDbMemory()).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(ticker.threadFailures()).isEqualTo(new TickerProperties.ThreadFailureLimit(3, Duration.ofMinutes(5)));
        assertThat(ticker.stateDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "pulse-ticker-8081"));
    }

    @Test
    void theEnvironmentVariablesOfTheReadmeOverrideThem() throws Exception {
        TickerProperties ticker = bind(Map.of("TICKER_STATE_DIR", "/var/lib/ticker", "TICKER_STREAM_THREADS", "2",
                "PULSE_TICKER_TICK", "5ms", "PULSE_TICKER_DEFAULT_MISFIRE_GRACE", "10m", "SERVER_PORT", "9000"));
        assertThat(ticker.stateDir()).isEqualTo(Path.of("/var/lib/ticker"));
        assertThat(ticker.streamThreads()).isEqualTo(2);
        assertThat(ticker.tick()).isEqualTo(Duration.ofMillis(5));
        assertThat(ticker.defaultMisfireGrace()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aStateDirectoryPerPortByDefault() throws Exception {
        assertThat(bind(Map.of("SERVER_PORT", "9000")).stateDir().getFileName()).hasToString("pulse-ticker-9000");
    }

    @Test
    void withoutApplicationYmlThereIsNoSecondDefault() {
        assertThatThrownBy(() -> new TickerProperties(Path.of("state"), null, Duration.ofHours(1), 4, DataSize.ofMegabytes(64),
                new TickerProperties.ThreadFailureLimit(3, Duration.ofMinutes(5))))
                .hasMessageContaining("pulse.ticker.tick is not set");
        assertThatThrownBy(() -> new TickerProperties(Path.of("state"), Duration.ofMillis(2), Duration.ofHours(1), 0,
                DataSize.ofMegabytes(64), new TickerProperties.ThreadFailureLimit(3, Duration.ofMinutes(5))))
                .hasMessageContaining("stream-threads must be at least 1");
    }

    private static TickerProperties bind(Map<String, Object> environmentVariables) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME); // only what the test sets
        // named like the real one, so that Spring's relaxed names apply (PULSE_TICKER_TICK = pulse.ticker.tick)
        sources.addFirst(new SystemEnvironmentPropertySource("test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                environmentVariables));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml")).forEach(sources::addLast);
        Binder binder = new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(environment));
        return binder.bindOrCreate("pulse.ticker", TickerProperties.class);
    }
}
