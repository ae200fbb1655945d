package dev.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The short chaos run of the suite (2 minutes of faults on one instance of each service): every
 * run terminal, every subscriber of every completed run mailed, repeats within action-send's bound, no
 * instant lost, counters true. {@code bench/pipeline-chaos.sh} runs the same with two instances of each
 * service, 200 jobs of 200 subscribers and 10 minutes of faults; its {@code chaos.*} system properties
 * override these settings.
 */
class PipelineChaosTest {

    private static final PipelineChaos.Settings SHORT = new PipelineChaos.Settings(12, 40, Duration.ofSeconds(120), 1, 1,
            Duration.ofSeconds(15), Duration.ofMinutes(4), 24);

    @Test
    void thePipelineThroughKillsBrokerAndDatabaseRestartsAndAnSmtpOutage() throws Exception {
        ChaosCheck.Outcome outcome = new PipelineChaos(PipelineChaos.Settings.fromSystemProperties(SHORT)).run();

        assertThat(outcome.problems()).as(outcome.line()).isEmpty();
        assertThat(outcome.stuck()).as("runs left pending or running").isZero();
        assertThat(outcome.terminal()).isEqualTo(outcome.runs()).isPositive();
        assertThat(outcome.completed()).as("runs completed").isPositive();
        assertThat(outcome.missing()).as("subscribers of completed runs not mailed").isZero();
        assertThat(outcome.mailsReceived()).isEqualTo(outcome.mailsExpected());
        assertThat(outcome.duplicates()).as("repeats, at most one per SMTP connection per kill of action-send")
                .isLessThanOrEqualTo(outcome.bound());
        assertThat(outcome.lostInstants()).isZero();
        assertThat(outcome.counterMismatches()).isZero();
        assertThat(outcome.kills().values().stream().mapToInt(Integer::intValue).sum()).as("kills").isGreaterThanOrEqualTo(3);
    }
}
