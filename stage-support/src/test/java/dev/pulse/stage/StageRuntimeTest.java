package dev.pulse.stage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.ActionFailed;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.topics.DeadLetterHeaders;
import dev.pulse.contracts.topics.ServiceTopics;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.WithKafka;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The runtime on the embedded broker, through a scripted generate stage: every count is taken on the
 * real topics (its event's, ActionFailed's and its dead-letter topics).
 */
@WithKafka
@SpringBootTest(classes = TestStageApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "pulse.stage.max-attempts=3", "pulse.stage.backoff=100ms", "pulse.stage.backoff-multiplier=2"})
class StageRuntimeTest {

    private static final Plan WHOLE = Plan.of(Action.SCRAPE, Action.GENERATE, Action.SEND);
    private static final Plan FROM_GENERATE = Plan.of(Action.GENERATE, Action.SEND);
    private static final String JOB_DUE_DLT = ServiceTopics.ACTION_GENERATE.deadLetterFor(Topics.JOB_DUE).name();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ScriptedHandler handler;

    @Autowired
    MeterRegistry registry;

    @LocalServerPort
    int port;

    @Test
    void everyKindOfPoisonIsDeadLetteredAtOnceAndTheNextRecordOnThePartitionIsProcessed() {
        TopicReader dlt = TopicReader.atEnd(JOB_DUE_DLT);
        TopicReader outputs = TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name());
        TopicReader failures = TopicReader.atEnd(Topics.ACTION_FAILED.name());
        String key = UUID.randomUUID().toString(); // one key: one partition, in this order
        UUID next = UUID.randomUUID();
        JobDue valid = Inputs.jobDue(UUID.randomUUID(), FROM_GENERATE);
        String otherType = Inputs.CODEC.encodeToString(Inputs.contentScraped(UUID.randomUUID(), FROM_GENERATE));
        String futureVersion = Inputs.CODEC.encodeToString(valid).replace("\"schema_version\":1", "\"schema_version\":99");
        List<byte[]> poisons = List.of(Inputs.text("not json at all"), Inputs.text(otherType), Inputs.text(futureVersion),
                new byte[0]);
        for (byte[] poison : poisons) {
            Inputs.sendRaw(Topics.JOB_DUE.name(), key, poison);
        }
        Inputs.sendRaw(Topics.JOB_DUE.name(), key, null);
        Inputs.sendRaw(Topics.JOB_DUE.name(), key, Inputs.CODEC.encode(Inputs.jobDue(next, FROM_GENERATE)));

        List<ConsumerRecord<String, byte[]>> produced = outputs.await(r -> r.key().equals(next.toString()), 1, WAIT);
        assertThat(produced).as("the record behind the poison is processed").hasSize(1);
        List<ConsumerRecord<String, byte[]>> dead = dlt.await(r -> key.equals(r.key()), 5, WAIT);
        assertThat(dead).hasSize(5);
        for (int i = 0; i < dead.size(); i++) {
            ConsumerRecord<String, byte[]> record = dead.get(i);
            assertThat(record.value()).as("value bytes untouched").isEqualTo(i < poisons.size() ? poisons.get(i) : null);
            assertThat(header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.JOB_DUE.name());
            assertThat(header(record, "kafka_dlt-exception-fqcn")).endsWith("ListenerExecutionFailedException");
            assertThat(header(record, "kafka_dlt-exception-cause-fqcn")).startsWith("dev.pulse.contracts.json.");
            assertThat(record.headers().lastHeader("kafka_dlt-original-offset")).isNotNull();
            assertThat(record.headers().lastHeader("kafka_dlt-original-partition")).isNotNull();
            assertThat(record.headers().lastHeader("kafka_dlt-original-timestamp")).isNotNull();
            assertThat(header(record, DeadLetterHeaders.REASON)).contains("Exception");
            assertThat(header(record, StageRecoverer.STAGE_HEADER)).isEqualTo("generate");
            assertThat(header(record, StageRecoverer.ATTEMPTS_HEADER)).as("no retry").isEqualTo("1");
        }
        assertThat(header(dead.get(2), DeadLetterHeaders.REASON)).contains("99");
        assertThat(failures.toEnd(r -> key.equals(r.key()))).as("an unreadable record names no execution").isEmpty();
    }

    @Test
    void aTransientFailureTwiceThenSuccessGivesExactlyOneEvent() {
        UUID execution = UUID.randomUUID();
        handler.script(execution, ScriptedHandler.Script.FAIL_TWICE_THEN_SUCCEED);
        TopicReader outputs = TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name());
        TopicReader dlt = TopicReader.atEnd(JOB_DUE_DLT);
        JobDue input = Inputs.jobDue(execution, FROM_GENERATE);
        Inputs.send(input);

        List<ConsumerRecord<String, byte[]>> produced = outputs.await(r -> r.key().equals(execution.toString()), 1, WAIT);
        assertThat(produced).hasSize(1);
        NewsletterGenerated event = Inputs.CODEC.decode(produced.get(0).value(), NewsletterGenerated.class);
        assertThat(event.envelope().executionId()).isEqualTo(execution);
        assertThat(event.envelope().messageId()).isEqualTo(StageInput.derivedId(input.envelope().messageId(), "GENERATE"));
        assertThat(handler.calls(execution)).isEqualTo(3);
        assertThat(handler.executionInLogContext(execution)).as("MDC while handling").isEqualTo(execution.toString());
        assertThat(dlt.toEnd(r -> execution.toString().equals(r.key()))).isEmpty();
    }

    @Test
    void aPermanentFailureIsOneDeadLetterAndOneActionFailed() {
        UUID execution = UUID.randomUUID();
        handler.script(execution, ScriptedHandler.Script.FAIL_PERMANENTLY);
        assertGivenUp(execution, "NOTHING_TO_SEND", 1);
        assertThat(handler.calls(execution)).as("never retried").isEqualTo(1);
    }

    @Test
    void exhaustedRetriesAreOneDeadLetterAndOneActionFailedWithTheAttempts() {
        UUID execution = UUID.randomUUID();
        handler.script(execution, ScriptedHandler.Script.FAIL_ALWAYS);
        assertGivenUp(execution, "RETRIES_EXHAUSTED", 3);
        assertThat(handler.calls(execution)).isEqualTo(3);
    }

    @Test
    void exhaustedRetriesOfANamedTransientFailureCarryItsCode() {
        UUID execution = UUID.randomUUID();
        handler.script(execution, ScriptedHandler.Script.FAIL_ALWAYS_NAMED);
        assertGivenUp(execution, "SMTP_UNAVAILABLE", 3);
        assertThat(handler.calls(execution)).as("retried like any transient failure").isEqualTo(3);
    }

    @Test
    void aStageActsOnlyWhereThePlanHasIt() {
        TopicReader outputs = TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name());
        UUID startsWithScrape = UUID.randomUUID();
        UUID startsWithGenerate = UUID.randomUUID();
        UUID scrapeOnly = UUID.randomUUID();
        UUID scrapedForGenerate = UUID.randomUUID();
        UUID sendOnly = UUID.randomUUID();
        Inputs.send(Inputs.jobDue(startsWithScrape, WHOLE));
        Inputs.send(Inputs.jobDue(sendOnly, Plan.of(Action.SEND)));
        Inputs.send(Inputs.contentScraped(scrapeOnly, Plan.of(Action.SCRAPE)));
        Inputs.send(Inputs.jobDue(startsWithGenerate, FROM_GENERATE));
        Inputs.send(Inputs.contentScraped(scrapedForGenerate, WHOLE));

        List<ConsumerRecord<String, byte[]>> produced = outputs.await(r -> List.of(startsWithScrape, startsWithGenerate,
                scrapeOnly, scrapedForGenerate, sendOnly).stream().anyMatch(id -> id.toString().equals(r.key())), 2, WAIT);
        assertThat(produced).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(startsWithGenerate.toString(), scrapedForGenerate.toString());
        assertThat(handler.calls(startsWithScrape) + handler.calls(scrapeOnly) + handler.calls(sendOnly))
                .as("skipped without calling the handler").isZero();
    }

    /**
     * The meters, in the registry that /actuator/prometheus exports (Spring Boot's tests turn the export
     * itself off), and the health component over HTTP.
     */
    @Test
    void metricsAndHealthAreOnTheActuator() throws Exception {
        Inputs.send(Inputs.jobDue(UUID.randomUUID(), WHOLE)); // a skip, at least
        Instant deadline = Instant.now().plusSeconds(10);
        while (registry.find("pulse.stage.records").tag("outcome", "skipped").counter().count() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        for (String outcome : List.of("processed", "skipped", "retried", "dead_lettered", "failed")) {
            assertThat(registry.find("pulse.stage.records").tags("stage", "generate", "outcome", outcome).counter())
                    .as(outcome).isNotNull();
        }
        assertThat(registry.find("pulse.stage.records").tag("outcome", "skipped").counter().count()).isPositive();
        assertThat(registry.find("pulse.stage.duration").tag("stage", "generate").timer()).isNotNull();
        assertThat(registry.getMeters()).anyMatch(meter -> meter.getId().getName().startsWith("kafka.consumer."))
                .anyMatch(meter -> meter.getId().getName().startsWith("kafka.producer."));
        String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(health).containsPattern("\"stage\":\\{\"details\":\\{\"running\":true,[^}]*\"group\":\"action-generate\"\\},\"status\":\"UP\"");
    }

    private void assertGivenUp(UUID execution, String code, int attempts) {
        TopicReader outputs = TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name());
        TopicReader failures = TopicReader.atEnd(Topics.ACTION_FAILED.name());
        TopicReader dlt = TopicReader.atEnd(JOB_DUE_DLT);
        JobDue input = Inputs.jobDue(execution, FROM_GENERATE);
        Inputs.send(input);

        List<ConsumerRecord<String, byte[]>> failed = failures.await(r -> r.key().equals(execution.toString()), 1, WAIT);
        assertThat(failed).hasSize(1);
        ActionFailed event = Inputs.CODEC.decode(failed.get(0).value(), ActionFailed.class);
        assertThat(event.stage()).isEqualTo(Action.GENERATE);
        assertThat(event.errorCode()).isEqualTo(code);
        assertThat(event.attempts()).isEqualTo(attempts);
        assertThat(event.deadLetterTopic()).isEqualTo(JOB_DUE_DLT);
        List<ConsumerRecord<String, byte[]>> dead = dlt.toEnd(r -> execution.toString().equals(r.key()));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(Inputs.CODEC.encode(input));
        assertThat(header(dead.get(0), StageRecoverer.ATTEMPTS_HEADER)).isEqualTo(Integer.toString(attempts));
        assertThat(outputs.toEnd(r -> r.key().equals(execution.toString()))).isEmpty();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
