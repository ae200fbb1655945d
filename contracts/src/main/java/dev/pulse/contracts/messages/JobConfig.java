package dev.pulse.contracts.messages;

import java.util.List;

/**
 * A job's settings, carried on every message of its executions so each stage has what it needs.
 * Ranges are enforced where users type them (the API); here absent values mean "use the default".
 */
public record JobConfig(
        Integer maxItems,
        Integer daysBack,
        List<FeedSource> sources,
        Tone tone,
        boolean testMode,
        List<String> testEmails,
        Integer misfireGraceSeconds) {

    public JobConfig {
        sources = sources == null ? List.of() : List.copyOf(sources);
        testEmails = testEmails == null ? List.of() : List.copyOf(testEmails);
    }

    public static JobConfig empty() {
        return new JobConfig(null, null, List.of(), null, false, List.of(), null);
    }
}
