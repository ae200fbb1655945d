package dev.pulse.ticker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Health of the streams application: its state, and stream threads that keep failing, on a clock the test moves. */
class StreamsHealthTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    private final MovingClock clock = new MovingClock(START);
    private final ThreadFailures failures = new ThreadFailures(3, Duration.ofMinutes(5), clock);
    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.RUNNING);
    private final AtomicReference<Optional<String>> waitingFor = new AtomicReference<>(Optional.empty());
    private final StreamsHealth health = new StreamsHealth(state::get, waitingFor::get, failures);

    @Test
    void downWithTheReasonWhileItWaitsForABrokerOrTopicAndUpOnceItRuns() {
        state.set(KafkaStreams.State.CREATED);
        waitingFor.set(Optional.of("topic pulse.jobs on the broker at localhost:9092"));
        Health waiting = health.health();
        assertThat(waiting.getStatus()).isEqualTo(Status.DOWN);
        assertThat(waiting.getDetails()).containsEntry("waitingFor", "topic pulse.jobs on the broker at localhost:9092");

        state.set(KafkaStreams.State.RUNNING);
        waitingFor.set(Optional.empty());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).doesNotContainKey("waitingFor");
    }

    @Test
    void upWhileRunningOrRebalancingAndDownBeforeStartOnceFailedOrStopped() {
        for (KafkaStreams.State up : new KafkaStreams.State[] {KafkaStreams.State.REBALANCING, KafkaStreams.State.RUNNING}) {
            state.set(up);
            assertThat(health.health().getStatus()).as("%s", up).isEqualTo(Status.UP);
        }
        for (KafkaStreams.State down : new KafkaStreams.State[] {KafkaStreams.State.CREATED, KafkaStreams.State.ERROR, KafkaStreams.State.PENDING_SHUTDOWN,
                KafkaStreams.State.NOT_RUNNING, KafkaStreams.State.PENDING_ERROR}) {
            state.set(down);
            assertThat(health.health().getStatus()).as("%s", down).isEqualTo(Status.DOWN);
        }
        assertThat(health.health().getDetails()).containsEntry("state", "PENDING_ERROR").doesNotContainKey("threadFailures");
    }

    @Test
    void aFewThreadFailuresAreToleratedAndReported() {
        for (int i = 0; i < 3; i++) {
            failures.record(new IllegalStateException("broker gone " + i));
            clock.advance(Duration.ofSeconds(30));
        }
        Health reported = health.health();
        assertThat(reported.getStatus()).isEqualTo(Status.UP);
        assertThat(reported.getDetails()).containsEntry("threadFailures", 3).containsEntry("threadFailuresTolerated", 3)
                .containsEntry("lastThreadFailure", "java.lang.IllegalStateException: broker gone 2")
                .containsEntry("lastThreadFailureAt", START.plusSeconds(60).toString());
    }

    @Test
    void aThreadThatKeepsFailingMakesHealthDownUntilTheFailuresAgeOut() {
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(60));
            failures.record(new StreamsException("Exception caught in process. taskId=0_3",
                    new IllegalStateException("cannot get past offset 42")));
        }
        // four failures between 1 and 4 minutes after START: more than three within five minutes
        Health reported = health.health();
        assertThat(reported.getStatus()).isEqualTo(Status.DOWN);
        assertThat(reported.getDetails()).containsEntry("state", "RUNNING").containsEntry("threadFailures", 4)
                .containsEntry("threadFailureWindow", "PT5M");
        assertThat((String) reported.getDetails().get("lastThreadFailure"))
                .startsWith("java.lang.IllegalStateException: cannot get past offset 42")
                .contains("Exception caught in process. taskId=0_3");

        clock.advance(Duration.ofSeconds(120)); // the first failure is now exactly five minutes old
        assertThat(health.health().getStatus()).as("three left in the window").isEqualTo(Status.UP);
        assertThat(health.health().getDetails()).containsEntry("threadFailures", 3);
        clock.advance(Duration.ofMinutes(5));
        assertThat(health.health().getDetails()).as("all aged out").doesNotContainKey("threadFailures");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void failuresSpreadWiderThanTheWindowNeverAddUp() {
        for (int i = 0; i < 20; i++) {
            assertThat(failures.record(new IllegalStateException("now and then"))).isEqualTo(1 + Math.min(i, 1));
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            clock.advance(Duration.ofSeconds(150));
        }
    }

    @Test
    void aLongFailureIsCutShort() {
        failures.record(new IllegalStateException("x".repeat(10_000)));
        assertThat(failures.recent().lastError()).hasSizeLessThan(600).endsWith("...");
    }

    /** A clock that moves only when told. */
    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
