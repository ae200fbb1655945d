package dev.pulse.api.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pulse.jobs.*}: after how many real runs failed in a row Pulse stops a job (status
 * {@code failed}, with the reason); 0 never stops one. Environment: {@code PULSE_JOBS_FAIL_AFTER}.
 */
@ConfigurationProperties("pulse.jobs")
public record JobFailureRule(@DefaultValue("5") int failAfter) {

    public JobFailureRule {
        if (failAfter < 0) {
            throw new IllegalArgumentException("pulse.jobs.fail-after must not be negative, got " + failAfter);
        }
    }
}
