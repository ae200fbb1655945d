package dev.pulse.api.execution;

import java.util.Locale;

/** Where one execution stands, as the execution tracker records it. */
public enum ExecutionStatus {
    /** Created (run-now) or announced, no stage has reported yet. */
    PENDING,
    /** At least one stage has started or finished, and the plan is not done. */
    RUNNING,
    /** Every stage of the plan finished without error. */
    COMPLETED,
    /** The plan finished, but some of it failed (some sources, some recipients). */
    PARTIAL,
    /** A stage gave up; the input is on its dead-letter topic. */
    FAILED,
    /** A scheduled instant passed beyond its misfire grace and was not run. */
    MISSED;

    /** As the API and the schema write it. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExecutionStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
