package dev.pulse.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.send.delivery.Dispatcher;
import dev.pulse.send.delivery.SendMetrics;
import dev.pulse.send.delivery.SendPolicy;
import dev.pulse.send.ledger.Ledger;
import dev.pulse.send.ledger.SendPlan;
import dev.pulse.send.ledger.Sends;
import dev.pulse.send.message.Templates;
import dev.pulse.send.message.UnsubscribeLinks;
import dev.pulse.send.smtp.SmtpServer;
import dev.pulse.send.smtp.SmtpTimeouts;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Two senders (each with its own instance id, connections and claims, as two processes have) on one
 * ledger at once: every row is sent exactly once, and both did part of the list.
 */
@WithKafka
@WithPostgres
// closed after the class: a cached context's consumers would stay in the action-send group
@DirtiesContext
@SpringBootTest(properties = {"spring.mail.host=localhost", "pulse.send.help-others=false"})
class TwoInstancesTest {

    private static final int LIST = 1_500;
    static final FaultSmtpServer SMTP = FaultSmtpServer.start();

    @Autowired
    JdbcClient db;
    @Autowired
    Ledger ledger;
    @Autowired
    Sends sends;
    @Autowired
    UnsubscribeLinks links;
    @Autowired
    Templates templates;

    @AfterAll
    static void stop() throws IOException {
        SMTP.close();
    }

    /** A list of {@code size} subscribers at {@code domain}, its send started. */
    private SendPlan list(String domain, int size) {
        SendFixtures fixtures = new SendFixtures(db);
        UUID workspace = fixtures.workspace();
        db.sql("INSERT INTO subscribers (id, workspace_id, email) SELECT md5(random()::text)::uuid, ?, 'r' || g || '@' || ? "
                + "FROM generate_series(1, ?) g").params(workspace, domain, size).update();
        NewsletterGenerated newsletter = fixtures.newsletter(workspace, false, List.of());
        return sends.start(new SendPlan(newsletter.newsletterId(), newsletter.envelope().executionId(), workspace, false,
                newsletter.subject(), newsletter.htmlBody(), newsletter.textBody(), "news@" + domain, null, null, null, null, null),
                List.of(), domain);
    }

    /** Two instances' senders, as two processes would have them: own ids, connections and metrics. */
    private List<Dispatcher> instances(List<SimpleMeterRegistry> registries, int capMessages, Duration capWindow) {
        return instances(registries, new SendPolicy(4, 0, capMessages, capWindow, 4, Duration.ofMillis(100), Duration.ofSeconds(1),
                50, Duration.ofSeconds(30), new SendPolicy.Pacing(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMillis(500))));
    }

    private List<Dispatcher> instances(List<SimpleMeterRegistry> registries, SendPolicy policy) {
        List<Dispatcher> instances = new ArrayList<>();
        for (SimpleMeterRegistry registry : registries) {
            SmtpServer server = new SmtpServer("localhost", SMTP.port(), "smtp", null, null, new Properties(),
                    new SmtpTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(5)));
            Dispatcher instance = new Dispatcher(ledger, sends, server, links, policy, new SendMetrics(registry), Clock.systemUTC());
            instance.start();
            instances.add(instance);
        }
        return instances;
    }

    /** Both instances work the list at once until neither can claim more. */
    private void workTogether(List<Dispatcher> instances, SendPlan plan) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(instances.size());
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < instances.size(); i++) {
                Dispatcher instance = instances.get(i);
                boolean owner = i == 0;
                running.add(threads.submit(() -> {
                    instance.work(plan, templates.of(plan), owner);
                    return null;
                }));
            }
            for (Future<Void> instance : running) {
                instance.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static double sent(SimpleMeterRegistry registry) {
        return registry.get("pulse.send.messages").tag("outcome", "sent").counter().count();
    }

    @Test
    void twoInstancesOnOneListSendEveryRowOnceAndShareTheWork() throws Exception {
        SMTP.reset();
        SMTP.delay(Duration.ofMillis(2)); // a server a little way off, so the two really overlap
        SendPlan plan = list("two.example", LIST);
        List<SimpleMeterRegistry> registries = List.of(new SimpleMeterRegistry(), new SimpleMeterRegistry());
        List<Dispatcher> instances = instances(registries, 0, Duration.ofHours(1));
        try {
            workTogether(instances, plan);
        } finally {
            instances.forEach(Dispatcher::close);
        }

        assertThat(ledger.progress(plan.newsletterId()).finished()).isTrue();
        assertThat(SMTP.receivedByRecipient()).hasSize(LIST);
        assertThat(SMTP.receivedByRecipient().values()).as("no row sent twice").allSatisfy(ids -> assertThat(ids).hasSize(1));
        double first = sent(registries.get(0));
        double second = sent(registries.get(1));
        System.out.printf("[send] two instances on one list of %d: %.0f and %.0f sent%n", LIST, first, second);
        assertThat(first + second).isEqualTo(LIST);
        assertThat(Math.min(first, second)).as("both did part of the list").isGreaterThan(LIST / 10.0);
    }

    @Test
    void theCapPerWindowHoldsAcrossInstances() throws Exception {
        SMTP.reset();
        Thread.sleep(3_000); // what other tests sent falls out of the window
        SendPlan plan = list("capped.example", 12);
        List<SimpleMeterRegistry> registries = List.of(new SimpleMeterRegistry(), new SimpleMeterRegistry());
        List<Dispatcher> instances = instances(registries, 5, Duration.ofSeconds(3));
        try {
            workTogether(instances, plan);
            assertThat(sent(registries.get(0)) + sent(registries.get(1))).as("5 in the window, by both together").isEqualTo(5);
            assertThat(SMTP.messagesReceived()).isEqualTo(5);
            assertThat(ledger.progress(plan.newsletterId()).open()).isEqualTo(7);

            Thread.sleep(3_100);
            workTogether(instances, plan);
            assertThat(SMTP.messagesReceived()).as("the next window: 5 more").isEqualTo(10);
        } finally {
            instances.forEach(Dispatcher::close);
            sends.pause(plan.newsletterId()); // left unfinished: no other test's instance may join it
        }
    }

    @Test
    void aBatchThatOutlastsTheLeaseKeepsItsClaims() throws Exception {
        SMTP.reset();
        SMTP.delay(Duration.ofMillis(100)); // one connection, 30 rows a batch: 3 s, the lease is 1 s
        SendPlan plan = list("slow.example", 60);
        SendPolicy slow = new SendPolicy(1, 0, 0, Duration.ofHours(1), 4, Duration.ofMillis(100), Duration.ofSeconds(1), 30,
                Duration.ofSeconds(1), new SendPolicy.Pacing(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMillis(500)));
        List<SimpleMeterRegistry> registries = List.of(new SimpleMeterRegistry(), new SimpleMeterRegistry());
        List<Dispatcher> instances = instances(registries, slow);
        try {
            workTogether(instances, plan);
        } finally {
            instances.forEach(Dispatcher::close);
        }
        assertThat(SMTP.receivedByRecipient()).hasSize(60);
        assertThat(SMTP.receivedByRecipient().values()).as("a live instance's claims never lapse under it")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
    }
}
