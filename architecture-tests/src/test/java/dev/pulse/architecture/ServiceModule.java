package dev.pulse.architecture;

import java.util.List;

/** A deployable service: its Maven module and the package its code lives in. */
record ServiceModule(String artifactId, String basePackage) {

    static final List<ServiceModule> ALL = List.of(
            new ServiceModule("scheduler-api", "dev.pulse.api"),
            new ServiceModule("ticker", "dev.pulse.ticker"),
            new ServiceModule("action-scrape", "dev.pulse.scrape"),
            new ServiceModule("action-generate", "dev.pulse.generate"),
            new ServiceModule("action-send", "dev.pulse.send"));

    /** The only Pulse modules a service may use at run time. */
    static final List<String> ALLOWED_LIBRARIES = List.of("contracts", "service-support", "stage-support");

    @Override
    public String toString() {
        return artifactId;
    }
}
