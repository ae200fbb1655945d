package dev.pulse.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.EmbeddedKafka;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.WithKafka;

/**
 * The stage as a real process on the embedded broker: SIGKILL in the middle of a list loses no input
 * (what was in hand is delivered again, to the next process), and SIGTERM finishes the input in hand
 * and commits it, so the next process does not do it again.
 */
@WithKafka
class StageProcessTest {

    private static final Plan PLAN = Plan.of(Action.GENERATE, Action.SEND);
    private static final Map<Long, Path> LOGS = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void pipelineTopics() {
        Inputs.createTopics(ServiceTopics.ACTION_GENERATE);
    }

    @Test
    void sigkillMidListLosesNoInputAndRepeatsAtMostTheOneInHand() throws Exception {
        List<UUID> executions = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            executions.add(UUID.randomUUID());
        }
        TopicReader outputs = outputsFromNow();
        executions.forEach(execution -> Inputs.send(Inputs.jobDue(execution, PLAN)));

        Process first = startStage("--stage.test.group=sigkill-test", "--stage.test.millis=50");
        awaitOutputs(outputs, executions, 15, Duration.ofSeconds(60));
        first.destroyForcibly().waitFor();
        Process second = startStage("--stage.test.group=sigkill-test", "--stage.test.millis=5");
        try {
            List<ConsumerRecord<String, byte[]>> produced = awaitOutputs(outputs, executions, executions.size(), Duration.ofSeconds(60));
            Map<String, Set<UUID>> messageIds = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : produced) {
                messageIds.computeIfAbsent(record.key(), k -> new HashSet<>())
                        .add(Inputs.CODEC.decode(record.value(), NewsletterGenerated.class).envelope().messageId());
            }
            assertThat(messageIds.keySet()).as("every input done").hasSize(executions.size());
            assertThat(produced.size() - executions.size()).as("repeated: at most the input in hand at the kill").isLessThanOrEqualTo(1);
            assertThat(messageIds.values()).as("a repeat has the same message id").allMatch(ids -> ids.size() == 1);
        } finally {
            second.destroyForcibly().waitFor();
        }
    }

    @Test
    void sigtermFinishesTheInputInHandAndCommitsIt() throws Exception {
        UUID slow = UUID.randomUUID();
        TopicReader outputs = outputsFromNow();
        Process first = startStage("--stage.test.group=sigterm-test", "--stage.test.millis=5", "--stage.test.slow-execution=" + slow, "--stage.test.slow-millis=3000");
        // one input on every partition, done: the stage has caught up everywhere and is idle
        List<UUID> warmUps = new ArrayList<>();
        for (int partition = 0; partition < Topics.JOB_DUE.partitions(); partition++) {
            UUID warmUp = UUID.randomUUID();
            warmUps.add(warmUp);
            Inputs.sendRaw(Topics.JOB_DUE.name(), partition, warmUp.toString(), Inputs.CODEC.encode(Inputs.jobDue(warmUp, PLAN)));
        }
        assertThat(awaitOutputs(outputs, warmUps, warmUps.size(), Duration.ofSeconds(90)).stream().map(ConsumerRecord::key).distinct())
                .hasSize(warmUps.size());
        Inputs.send(Inputs.jobDue(slow, PLAN));
        Thread.sleep(1_000); // the slow input is in hand when SIGTERM comes
        first.destroy(); // SIGTERM
        assertThat(first.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        System.out.println("[stage] SIGTERM'd stage exited with " + first.exitValue() + "; log " + LOGS.get(first.pid()));
        assertThat(awaitOutputs(outputs, List.of(slow), 1, Duration.ofSeconds(5))).as("finished before exiting").hasSize(1);

        UUID after = UUID.randomUUID();
        Inputs.send(Inputs.jobDue(after, PLAN));
        Process second = startStage("--stage.test.group=sigterm-test", "--stage.test.millis=5");
        try {
            awaitOutputs(outputs, List.of(after), 1, Duration.ofSeconds(60));
            assertThat(awaitOutputs(outputs, List.of(slow), 1, Duration.ofSeconds(1))).as("committed: not done again").hasSize(1);
        } finally {
            second.destroyForcibly().waitFor();
        }
    }

    private static TopicReader outputsFromNow() {
        return TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name());
    }

    /** This test's outputs (by the process stage) for {@code executions}, once {@code expected} executions have one. */
    private static List<ConsumerRecord<String, byte[]>> awaitOutputs(TopicReader outputs, List<UUID> executions, int expected,
            Duration timeout) {
        Set<String> keys = new HashSet<>();
        executions.forEach(e -> keys.add(e.toString()));
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, byte[]>> found;
        do {
            found = outputs.await(r -> keys.contains(r.key()), 0, Duration.ofSeconds(1)).stream()
                    .filter(r -> ProcessStageApplication.SUBJECT.equals(Inputs.CODEC.decode(r.value(), NewsletterGenerated.class).subject()))
                    .toList();
        } while (found.stream().map(ConsumerRecord::key).distinct().count() < expected && Instant.now().isBefore(deadline));
        return found;
    }

    private static Process startStage(String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ProcessStageApplication.class.getName(), "--spring.kafka.bootstrap-servers=" + EmbeddedKafka.bootstrapServers(),
                "--spring.main.web-application-type=none", "--spring.application.name=process-test-stage",
                // a killed member holds its partitions until its session times out: 6 s, not the default 45 s
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("process-stage-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LOGS.put(process.pid(), log);
        return process;
    }
}
