package dev.pulse.support;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.PropertySource;

/**
 * Settings every Pulse service shares (where its infrastructure is, what actuator shows), at the lowest
 * precedence: a service's application.yml, environment variables and system properties all win.
 */
@AutoConfiguration
@PropertySource("classpath:pulse-service-defaults.properties")
public class ServiceDefaultsAutoConfiguration {
}
