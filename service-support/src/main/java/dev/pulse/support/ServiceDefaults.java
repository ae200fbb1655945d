package dev.pulse.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Settings every Pulse service shares (where its infrastructure is, what actuator shows), at the lowest
 * precedence: a service's application.yml, environment variables and system properties all win. Added
 * to the environment before any configuration is read: a {@code @PropertySource} on an auto-configuration
 * came too late for the actuator's exposure conditions, and only health was exposed.
 */
public final class ServiceDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "pulse-service-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new PropertiesPropertySource("pulseServiceDefaults",
                    PropertiesLoaderUtils.loadProperties(new ClassPathResource(RESOURCE))));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }
}
