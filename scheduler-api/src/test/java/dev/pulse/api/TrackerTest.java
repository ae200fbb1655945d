package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.pulse.api.tracker.Events;
import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.PulseMessage;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topic;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.ServiceTopicsCreated;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.TopicWriter;
import tools.jackson.databind.JsonNode;

/**
 * The execution tracker on the embedded broker and database: events written to the real topics (as
 * the stages write them, shuffled and repeated) become executions and job counters read over HTTP;
 * poison goes to the tracker's dead-letter topics; replay publishes the failed stage's input again.
 */
class TrackerTest extends ApiTest {

    private static final MessageCodec CODEC = new MessageCodec();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MessageCodec codec;

    @BeforeAll
    static void stageTopics() {
        // The stages' dead-letter topics, which their services would create.
        ServiceTopicsCreated.createFor(ServiceTopics.ACTION_SCRAPE);
        ServiceTopicsCreated.createFor(ServiceTopics.ACTION_SEND);
    }

    @Test
    void shuffledAndRepeatedEventsFoldIntoOneCompletedExecutionAndTheJobsCounters() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String job = createDaily(owner, workspace, "digest");
        Instant nextRun = Instant.parse(owner.get("/api/v1/scheduler/" + job).data().get("next_run_at").asString());
        Events run = new Events(UUID.fromString(job), UUID.fromString(workspace), nextRun, Action.SCRAPE, Action.GENERATE, Action.SEND);

        List<PulseMessage> events = new ArrayList<>(List.of(run.due(0), run.scraped(2, true), run.generated(3),
                run.sent(Trigger.SCHEDULE, 6, 0)));
        events.add(events.get(1));
        events.add(events.get(3));
        Collections.shuffle(events, new Random(7));
        events.forEach(this::publish);

        JsonNode execution = awaitStatus(owner, run.execution, "partial", 4);
        assertThat(execution.get("trigger").asString()).isEqualTo("schedule");
        assertThat(Instant.parse(execution.get("started_at").asString())).isEqualTo(nextRun);
        assertThat(execution.get("duration_seconds").asDouble()).isEqualTo(6.0);
        assertThat(execution.get("actions_performed").toString()).isEqualTo("[\"scrape\",\"generate\",\"send\"]");
        assertThat(execution.get("scrape_result").get("items_count").asInt()).isEqualTo(2);
        assertThat(execution.get("generate_result").get("subject").asString()).isEqualTo("Your digest");
        assertThat(execution.get("send_result").get("sent_count").asInt()).isEqualTo(10);
        assertThat(execution.get("error_message").asString()).contains("https://b.example/feed: HTTP 500");
        assertThat(execution.get("execution_log")).hasSize(4);

        JsonNode jobView = owner.get("/api/v1/scheduler/" + job).data();
        assertThat(jobView.get("total_runs").asInt()).isEqualTo(1);
        assertThat(jobView.get("last_run_status").asString()).isEqualTo("partial");
        assertThat(Instant.parse(jobView.get("next_run_at").asString())).isEqualTo(nextRun.plus(Duration.ofDays(1)));
        assertThat(Instant.parse(jobView.get("last_run_at").asString())).isEqualTo(nextRun);

        JsonNode stats = owner.get("/api/v1/scheduler/" + job + "/stats").data();
        assertThat(stats.get("total_executions").asInt()).isEqualTo(1);
        assertThat(stats.get("partial").asInt()).isEqualTo(1);
        assertThat(stats.get("p95_duration_seconds").asDouble()).isEqualTo(6.0);
        assertThat(stats.get("last_execution").get("id").asString()).isEqualTo(run.execution.toString());
        JsonNode history = owner.get("/api/v1/scheduler/" + job + "/history?limit=1").data();
        assertThat(history.get("executions").get(0).get("id").asString()).isEqualTo(run.execution.toString());
        assertThat(history.path("next_offset").isIntegralNumber()).isFalse();
    }

    /** Five real runs failed in a row stop the job, with the reason, until a user resumes it. */
    @Test
    void aJobWhoseRunsKeepFailingIsStoppedWithTheReasonAndResumeClearsIt() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String job = createDaily(owner, workspace, "keeps-failing");
        Instant first = Instant.parse(owner.get("/api/v1/scheduler/" + job).data().get("next_run_at").asString());
        TopicReader jobs = TopicReader.atEnd(Topics.JOBS.name());

        Events success = new Events(UUID.fromString(job), UUID.fromString(workspace), first, Action.SCRAPE);
        publish(success.due(0));
        publish(new dev.pulse.contracts.messages.ContentScraped(success.envelope(Trigger.SCHEDULE, 2), List.of(), List.of()));
        awaitStatus(owner, success.execution, "completed");
        for (int day = 1; day <= 5; day++) {
            fail(owner, job, workspace, first.plus(Duration.ofDays(day)));
            assertThat(owner.get("/api/v1/scheduler/" + job).data().get("status").asString()).as("after %d failed", day)
                    .isEqualTo(day < 5 ? "active" : "failed");
        }
        JsonNode stopped = owner.get("/api/v1/scheduler/" + job).data();
        assertThat(stopped.get("status_reason").asString())
                .isEqualTo("Stopped by Pulse: the last 5 runs failed; the latest: scrape failed: the server did not answer");
        assertThat(stopped.get("is_enabled").asBoolean()).isFalse();
        assertThat(stopped.get("next_run_at").isNull()).isTrue();
        var published = jobs.await(record -> job.equals(record.key()), 1, WAIT);
        assertThat(codec.decode(published.get(published.size() - 1).value(), dev.pulse.contracts.messages.JobChanged.class)
                .job().status()).as("the ticker is told: it stops firing").isEqualTo(dev.pulse.contracts.messages.JobStatus.FAILED);

        JsonNode resumed = owner.post("/api/v1/scheduler/" + job + "/resume", null).data();
        assertThat(resumed.get("status").asString()).isEqualTo("active");
        assertThat(resumed.get("status_reason").isNull()).isTrue();
        fail(owner, job, workspace, first.plus(Duration.ofDays(6)));
        assertThat(owner.get("/api/v1/scheduler/" + job).data().get("status").asString())
                .as("the failures before the resume no longer count").isEqualTo("active");
    }

    private void fail(ApiClient owner, String job, String workspace, Instant scheduled) {
        Events run = new Events(UUID.fromString(job), UUID.fromString(workspace), scheduled, Action.SCRAPE);
        publish(run.due(0));
        publish(run.failed(Trigger.SCHEDULE, Action.SCRAPE, 3));
        awaitStatus(owner, run.execution, "failed");
    }

    @Test
    void poisonOnEveryTopicIsDeadLetteredAndTheTrackerGoesOn() {
        for (Topic topic : ServiceTopics.SCHEDULER_API.consumes()) {
            String key = "poison-" + UUID.randomUUID();
            TopicReader deadLetters = TopicReader.atEnd(ServiceTopics.SCHEDULER_API.deadLetterFor(topic).name());
            TopicWriter.send(topic.name(), key, "{not json".getBytes(StandardCharsets.UTF_8));
            assertThat(deadLetters.await(record -> key.equals(record.key()), 1, WAIT)).as(topic.name()).hasSize(1);
        }
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        Events run = new Events(UUID.fromString(createDaily(owner, workspace, "after-poison")), UUID.fromString(workspace),
                Instant.now(), Action.SCRAPE);
        publish(run.due(0));
        awaitStatus(owner, run.execution, "running");
    }

    @Test
    void eventsOfADeletedJobAreDroppedAndOthersStillFold() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        String gone = createDaily(owner, workspace, "gone");
        assertThat(owner.delete("/api/v1/scheduler/" + gone).status()).isEqualTo(200);
        Events deleted = new Events(UUID.fromString(gone), UUID.fromString(workspace), Instant.now(), Action.SCRAPE);
        Events kept = new Events(UUID.fromString(createDaily(owner, workspace, "kept")), UUID.fromString(workspace), Instant.now(),
                Action.SCRAPE);
        publish(deleted.due(0));
        publish(deleted.scraped(1, false));
        publish(kept.due(0));
        awaitStatus(owner, kept.execution, "running");
        assertThat(owner.get("/api/v1/scheduler/executions/" + deleted.execution).status()).isEqualTo(404);
    }

    @Test
    void aFailedSendIsReplayedFromItsDeadLetterOnceAtATime() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        Events run = new Events(UUID.fromString(createDaily(owner, workspace, "replayed")), UUID.fromString(workspace),
                Instant.now(), Action.SCRAPE, Action.GENERATE, Action.SEND);
        NewsletterGenerated generated = run.generated(3);
        publish(run.due(0));
        publish(run.scraped(2, false));
        int partition = publish(generated);
        deadLetter("pulse.newsletter-generated.action-send.dlt", partition, run.execution, codec.encode(generated), false);
        publish(run.failed(Trigger.SCHEDULE, Action.SEND, 60));
        JsonNode failed = awaitStatus(owner, run.execution, "failed");
        assertThat(failed.get("failed_stage").asString()).isEqualTo("send");
        assertThat(failed.get("error_code").asString()).isEqualTo("SMTP_UNAVAILABLE");

        ApiClient viewer = member(owner, workspace, "viewer");
        assertThat(viewer.post("/api/v1/scheduler/executions/" + run.execution + "/replay", "{}").status()).isEqualTo(403);

        TopicReader inputs = TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name());
        ApiClient.Reply replay = owner.post("/api/v1/scheduler/executions/" + run.execution + "/replay", "{}");
        assertThat(replay.status()).as(replay.text()).isEqualTo(202);
        assertThat(replay.data().get("stage").asString()).isEqualTo("send");
        assertThat(replay.data().get("attempt").asInt()).isEqualTo(2);
        assertThat(replay.data().get("input_from").asString()).startsWith("pulse.newsletter-generated.action-send.dlt-" + partition);

        NewsletterGenerated again = CODEC.decode(inputs.await(forExecution(run.execution), 1, WAIT).get(0).value(),
                NewsletterGenerated.class);
        assertThat(again.envelope().trigger()).isEqualTo(Trigger.REPLAY);
        assertThat(again.envelope().replayOf()).isEqualTo(run.execution);
        assertThat(again.envelope().messageId()).isNotEqualTo(generated.envelope().messageId());
        assertThat(again.newsletterId()).isEqualTo(generated.newsletterId());

        awaitStatus(owner, run.execution, "running");
        ApiClient.Reply twice = owner.post("/api/v1/scheduler/executions/" + run.execution + "/replay", "{}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text()).contains("already running");

        publish(run.sent(Trigger.REPLAY, 120, 0));
        JsonNode done = awaitStatus(owner, run.execution, "completed");
        assertThat(done.get("replay_count").asInt()).isEqualTo(1);
        assertThat(done.get("execution_log").toString()).contains("replay 1 of send requested by user").contains("[replay] send: 10 of 10 sent");
        assertThat(owner.post("/api/v1/scheduler/executions/" + run.execution + "/replay", "{}").status()).isEqualTo(409);
        JsonNode jobView = owner.get("/api/v1/scheduler/" + run.job).data();
        assertThat(jobView.get("successful_runs").asInt()).isEqualTo(1);
        assertThat(jobView.get("failed_runs").asInt()).isEqualTo(0);
    }

    @Test
    void anExecutionThatKeepsFailingIsParkedAfterTheLimit() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        Events run = new Events(UUID.fromString(createDaily(owner, workspace, "parked")), UUID.fromString(workspace),
                Instant.now(), Action.SCRAPE, Action.GENERATE, Action.SEND);
        JobDue due = run.due(0);
        publish(due);
        publish(run.failed(Trigger.SCHEDULE, Action.SCRAPE, 10));
        awaitStatus(owner, run.execution, "failed");
        for (int replay = 1; replay <= 3; replay++) {
            ApiClient.Reply reply = owner.post("/api/v1/scheduler/executions/" + run.execution + "/replay", "{}");
            assertThat(reply.status()).as(reply.text()).isEqualTo(202);
            assertThat(reply.data().get("input_from").asString()).startsWith("pulse.job-due-"); // no dead letter: its last input
            awaitStatus(owner, run.execution, "running");
            publish(run.failed(Trigger.REPLAY, Action.SCRAPE, 10 + replay * 10));
            awaitStatus(owner, run.execution, "failed");
        }
        ApiClient.Reply refused = owner.post("/api/v1/scheduler/executions/" + run.execution + "/replay", "{}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("Parked after 3 replays");
        JsonNode parked = owner.get("/api/v1/scheduler/executions/" + run.execution).data();
        assertThat(parked.get("parked_at").isNull()).isFalse();
        assertThat(parked.get("error_message").asString()).contains("parked after 3 replays");
        assertThat(parked.get("execution_log").toString()).contains("parked: replayed 3 times");
    }

    @Test
    void bulkReplayReadsDeadLettersWithTextHeadersAndDryRunChangesNothing() {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        Events run = new Events(UUID.fromString(createDaily(owner, workspace, "bulk")), UUID.fromString(workspace),
                Instant.now(), Action.SCRAPE, Action.GENERATE, Action.SEND);
        Instant from = Instant.now().minusSeconds(1);
        JobDue due = run.due(0);
        int partition = publish(due);
        String dlt = "pulse.job-due.action-scrape.dlt";
        deadLetter(dlt, partition, run.execution, codec.encode(due), true);
        TopicWriter.send(dlt, partition, "not-an-execution", "garbage".getBytes(StandardCharsets.UTF_8));
        publish(run.failed(Trigger.SCHEDULE, Action.SCRAPE, 5));
        awaitStatus(owner, run.execution, "failed");
        String body = "{\"dead_letter_topic\": \"" + dlt + "\", \"from\": \"" + from + "\", \"to\": \"" + Instant.now().plusSeconds(1)
                + "\"%s}";

        assertThat(owner.post("/api/v1/ops/replay", body.formatted("")).status()).isEqualTo(403);
        ApiClient operator = ApiClient.operator(port);
        ApiClient.Reply dry = operator.post("/api/v1/ops/replay", body.formatted(""));
        assertThat(dry.status()).as(dry.text()).isEqualTo(200);
        assertThat(dry.data().get("dry_run").asBoolean()).isTrue();
        assertThat(dry.text()).contains("\"action\":\"would_replay\"").contains("unreadable");
        assertThat(candidate(dry, run.execution).get("action").asString()).isEqualTo("would_replay");
        assertThat(owner.get("/api/v1/scheduler/executions/" + run.execution).data().get("status").asString()).isEqualTo("failed");

        TopicReader inputs = TopicReader.atEnd(Topics.JOB_DUE.name());
        ApiClient.Reply done = operator.post("/api/v1/ops/replay", body.formatted(", \"dry_run\": false"));
        assertThat(candidate(done, run.execution).get("action").asString()).isEqualTo("replayed");
        JobDue replayed = CODEC.decode(inputs.await(forExecution(run.execution), 1, WAIT).get(0).value(), JobDue.class);
        assertThat(replayed.envelope().trigger()).isEqualTo(Trigger.REPLAY);
        assertThat(replayed.scheduledFor()).isEqualTo(due.scheduledFor());
        awaitStatus(owner, run.execution, "running");

        ApiClient.Reply bad = operator.post("/api/v1/ops/replay", "{\"dead_letter_topic\": \"pulse.jobs\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.details().has("from")).isTrue();
    }

    @Test
    void lagIsForOperatorsAndCoversEveryGroup() {
        assertThat(newUser().get("/api/v1/ops/lag").status()).isEqualTo(403);
        ApiClient.Reply lag = ApiClient.operator(port).get("/api/v1/ops/lag");
        assertThat(lag.status()).as(lag.text()).isEqualTo(200);
        List<String> groups = new ArrayList<>();
        lag.data().get("groups").forEach(group -> groups.add(group.get("group").asString()));
        assertThat(groups).containsExactly("execution-tracker", "ticker", "action-scrape", "action-generate", "action-send");
        JsonNode tracker = lag.data().get("groups").get(0);
        assertThat(tracker.get("partitions")).hasSize(6 * 6);
        assertThat(tracker.get("partitions").get(0).has("end_offset")).isTrue();
        JsonNode scrape = lag.data().get("groups").get(2);
        assertThat(scrape.get("total_lag").asLong()).isPositive(); // nothing consumes as action-scrape here
    }

    @Test
    void aPartitionWithNothingLeftButACommitMarkerDoesNotLag() throws InterruptedException {
        ApiClient owner = newUser();
        String workspace = workspace(owner);
        Events run = new Events(UUID.fromString(createDaily(owner, workspace, "transactional")), UUID.fromString(workspace),
                Instant.now(), Action.SCRAPE);
        RecordMetadata written = TopicWriter.sendInTransaction(new ProducerRecord<>(Topics.JOB_DUE.name(),
                run.execution.toString(), codec.encode(run.due(0))));
        awaitStatus(owner, run.execution, "running");
        JsonNode partition = null;
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) { // the tracker commits its offsets after its transaction
            partition = partitionLag(ApiClient.operator(port).get("/api/v1/ops/lag"), "execution-tracker", written);
            if (partition.path("committed_offset").asLong(-1) > written.offset()) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(partition.get("committed_offset").asLong()).isEqualTo(written.offset() + 1);
        assertThat(partition.get("end_offset").asLong()).as("the commit marker's offset is the last").isEqualTo(written.offset() + 2);
        assertThat(partition.get("lag").asLong()).isZero();
        JsonNode scrape = partitionLag(ApiClient.operator(port).get("/api/v1/ops/lag"), "action-scrape", written);
        assertThat(scrape.get("lag").asLong()).as("a group that has not read the record still lags by it").isPositive();
    }

    private static JsonNode partitionLag(ApiClient.Reply lag, String group, RecordMetadata written) {
        for (JsonNode candidate : lag.data().get("groups")) {
            if (candidate.get("group").asString().equals(group)) {
                for (JsonNode partition : candidate.get("partitions")) {
                    if (partition.get("topic").asString().equals(written.topic()) && partition.get("partition").asInt() == written.partition()) {
                        return partition;
                    }
                }
            }
        }
        throw new AssertionError("No " + written.topic() + "-" + written.partition() + " for " + group + " in " + lag.text());
    }

    private static JsonNode candidate(ApiClient.Reply reply, UUID execution) {
        for (JsonNode candidate : reply.data().get("candidates")) {
            if (execution.toString().equals(candidate.path("execution_id").asString())) {
                return candidate;
            }
        }
        throw new AssertionError("No candidate for " + execution + " in " + reply.text());
    }

    private static Predicate<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> forExecution(UUID execution) {
        return record -> execution.toString().equals(record.key());
    }

    /** As a stage's recoverer writes it, or (textHeaders) as Kafka UI's "reproduce" sends it again: every header as text. */
    private static void deadLetter(String topic, int partition, UUID execution, byte[] value, boolean textHeaders) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("pulse.dlt.reason", "java.lang.IllegalStateException: down".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-original-partition", textHeaders ? "3".getBytes(StandardCharsets.UTF_8)
                : java.nio.ByteBuffer.allocate(4).putInt(3).array());
        headers.add("kafka_dlt-original-offset", textHeaders ? "17".getBytes(StandardCharsets.UTF_8)
                : java.nio.ByteBuffer.allocate(8).putLong(17).array());
        headers.add("kafka_deliveryAttempt", textHeaders ? "6".getBytes(StandardCharsets.UTF_8)
                : java.nio.ByteBuffer.allocate(4).putInt(6).array());
        TopicWriter.send(new ProducerRecord<>(topic, partition, execution.toString(), value, headers));
    }

    private int publish(PulseMessage message) {
        String topic = Topics.all().stream().filter(t -> t.messageType() != null && t.messageType().isInstance(message))
                .findFirst().orElseThrow().name();
        return TopicWriter.send(topic, message.envelope().executionId().toString(), codec.encode(message)).partition();
    }

    private JsonNode awaitStatus(ApiClient client, UUID execution, String status) {
        return awaitStatus(client, execution, status, 0);
    }

    /** Until the execution shows {@code status} with at least {@code lines} log lines (so every event is in). */
    private JsonNode awaitStatus(ApiClient client, UUID execution, String status, int lines) {
        Instant deadline = Instant.now().plus(WAIT);
        ApiClient.Reply reply = null;
        while (Instant.now().isBefore(deadline)) {
            reply = client.get("/api/v1/scheduler/executions/" + execution);
            if (reply.status() == 200 && reply.data().get("status").asString().equals(status)
                    && reply.data().get("execution_log").size() >= lines) {
                return reply.data();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Execution " + execution + " never became " + status + ": " + (reply == null ? "" : reply.text()));
    }
}
