package dev.pulse.local;

import java.util.List;

/** One Pulse service as the local stack runs it. */
record ServiceSpec(String name, int portOffset, boolean usesDatabase, boolean usesMail) {

    static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("scheduler-api", 0, true, false),
            new ServiceSpec("ticker", 1, false, false),
            new ServiceSpec("action-scrape", 2, true, false),
            new ServiceSpec("action-generate", 3, true, false),
            new ServiceSpec("action-send", 4, true, true));

    String jar() {
        return name + "/target/" + name + "-exec.jar";
    }
}
