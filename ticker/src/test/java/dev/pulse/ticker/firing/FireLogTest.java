package dev.pulse.ticker.firing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** The worker's log of what it fires: a line per fire, and one line for the rest of a busy second. */
class FireLogTest {

    private static final Instant SECOND = Instant.parse("2026-12-07T08:00:00Z");

    private final Logger logger = (Logger) LoggerFactory.getLogger("fire-log-test-" + UUID.randomUUID());
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final FireLog fireLog = new FireLog(logger, 3);

    FireLogTest() {
        lines.start();
        logger.addAppender(lines);
    }

    @Test
    void aQuietSecondHasALinePerFireWithJobExecutionAndInstant() {
        UUID execution = UUID.randomUUID();
        fireLog.fired("job-1", execution, SECOND, SECOND.toEpochMilli() + 5);
        fireLog.missed("job-2", UUID.randomUUID(), SECOND.minusSeconds(7200), Duration.ofHours(1), SECOND.toEpochMilli() + 6);
        fireLog.tick(SECOND.toEpochMilli() + 1_000);

        assertThat(messages()).containsExactly(
                "Fired job job-1 for 2026-12-07T08:00:00Z (execution " + execution + ")",
                "Job job-2 missed its run at 2026-12-07T06:00:00Z (execution " + lines.list.get(1).getMDCPropertyMap()
                        .get("execution_id") + ", beyond the misfire grace of PT1H)");
        assertThat(lines.list.get(0).getMDCPropertyMap()).containsEntry("job_id", "job-1")
                .containsEntry("execution_id", execution.toString());
    }

    @Test
    void aBusySecondLogsItsBudgetOneByOneAndTheRestInOneLineOnceTheSecondIsOver() {
        for (int i = 0; i < 1_000; i++) {
            fireLog.fired("job-" + i, UUID.randomUUID(), SECOND, SECOND.toEpochMilli() + i % 1_000);
        }
        fireLog.missed("late", UUID.randomUUID(), SECOND, Duration.ofMinutes(1), SECOND.toEpochMilli() + 999);
        assertThat(messages()).hasSize(3);
        fireLog.tick(SECOND.toEpochMilli() + 999);
        assertThat(messages()).as("the second is not over yet").hasSize(3);

        fireLog.tick(SECOND.toEpochMilli() + 1_000);
        assertThat(messages()).hasSize(4).last().isEqualTo("Fired 997 more jobs and reported 1 more missed runs in the second "
                + "from 2026-12-07T08:00:00Z (the first 3 logged one by one)");

        fireLog.fired("next-second", UUID.randomUUID(), SECOND.plusSeconds(1), SECOND.toEpochMilli() + 1_001);
        fireLog.tick(SECOND.toEpochMilli() + 5_000);
        assertThat(messages()).as("a new budget, and nothing to sum up").hasSize(5).last().asString().startsWith("Fired job next-second");
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
