package dev.pulse.system;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.pulse.api.SchedulerApiApplication;

/** A service started in this JVM from its own application class and application.yml, on a random port. */
final class InProcessService {

    /**
     * In one JVM every service sees the API's Spring Security on the classpath, which its own jar does not
     * have; left in, Boot would lock the service's actuator behind a generated password.
     */
    static final String NOT_THE_APIS_SECURITY = "--spring.autoconfigure.exclude="
            + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration";

    private InProcessService() {
    }

    static ConfigurableApplicationContext start(Class<?> application, List<String> args) {
        List<String> all = new ArrayList<>(List.of(OwnConfiguration.of(application), "--server.port=0"));
        // a service's own exclusions add to this one: Boot joins the values of a repeated argument
        if (application != SchedulerApiApplication.class) {
            all.add(NOT_THE_APIS_SECURITY);
        }
        all.addAll(args);
        return new SpringApplicationBuilder(application).run(all.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
