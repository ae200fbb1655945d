package dev.pulse.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.pulse.contracts.messages.ActionFailed;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.NewsletterSent;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.send.FaultSmtpServer.Step;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;

/**
 * Real SMTP semantics against a server that misbehaves on purpose: 4xx is tried again later, 5xx
 * bounces for good, a broken connection is tried again (and counted when it broke after the final
 * dot), and a server that cannot be used at all pauses the send, then fails it with the ledger intact
 * so a replay finishes the list.
 */
@WithKafka
@WithPostgres
// closed after the class: a cached context's consumers would stay in the action-send group
@DirtiesContext
@SpringBootTest(properties = {"spring.mail.host=localhost", "spring.mail.username=pulse", "spring.mail.password=secret",
        "pulse.send.max-attempts=4"})
class SmtpFaultsTest {

    static final FaultSmtpServer SMTP = FaultSmtpServer.start();

    @Autowired
    JdbcClient db;

    private SendFixtures fixtures;
    private TopicReader sent;
    private TopicReader failures;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", SMTP::port);
    }

    @AfterAll
    static void stop() throws IOException {
        SMTP.close();
    }

    @BeforeEach
    void setUp() {
        SMTP.reset();
        fixtures = new SendFixtures(db);
        sent = TopicReader.atEnd(Topics.NEWSLETTER_SENT.name());
        failures = TopicReader.atEnd(Topics.ACTION_FAILED.name());
    }

    private String status(String email) {
        return db.sql("SELECT status FROM deliveries WHERE email = ?").param(email).query(String.class).single();
    }

    /** Every row back in the ledger untried, once whatever instance still holds one has let it go. */
    private void awaitUntried(NewsletterGenerated input, int rows) throws InterruptedException {
        String untried = "SELECT count(*) FROM deliveries WHERE newsletter_id = ? AND status = 'pending' AND attempts = 0";
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (db.sql(untried).param(input.newsletterId()).query(Integer.class).single() < rows && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(db.sql(untried).param(input.newsletterId()).query(Integer.class).single())
                .as("nobody failed, nobody burnt an attempt: the ledger is as it was: %s", db.sql(
                        "SELECT email, status, attempts, last_error FROM deliveries WHERE newsletter_id = ?").param(input.newsletterId())
                        .query().listOfRows()).isEqualTo(rows);
    }

    @Test
    void fourHundredsAreTriedAgainLaterAndFiveHundredsBounceForGood() {
        UUID workspace = fixtures.workspace();
        String slow = fixtures.subscriber(workspace, "slow@mx-a.example", "active");
        String busy = fixtures.subscriber(workspace, "busy@mx-b.example", "active");
        String unknown = fixtures.subscriber(workspace, "unknown@mx-c.example", "active");
        String full = fixtures.subscriber(workspace, "full@mx-c.example", "active");
        String spam = fixtures.subscriber(workspace, "spam@mx-c.example", "active");
        String fine = fixtures.subscriber(workspace, "fine@mx-d.example", "active");
        SMTP.script(slow, new Step.AtRcpt("450 4.2.1 Mailbox busy, try later"));
        SMTP.script(busy, new Step.AtRcpt("451 4.3.0 Local error"), new Step.AtRcpt("421 4.7.0 Too many connections, closing"));
        SMTP.script(unknown, new Step.AtRcpt("550 5.1.1 No such user"));
        SMTP.script(full, new Step.AfterData("552 5.2.2 Mailbox full"));
        SMTP.script(spam, new Step.AfterData("554 5.7.1 Message rejected"));
        NewsletterGenerated input = fixtures.newsletter(workspace, false, List.of());

        SendFixtures.publish(input);
        NewsletterSent result = SendFixtures.awaitSent(sent, input, 1);

        assertThat(result.recipients()).isEqualTo(6);
        assertThat(result.sent()).isEqualTo(3);
        assertThat(result.bounced()).isEqualTo(3);
        assertThat(result.deferred()).as("put off at least once").isEqualTo(2);
        assertThat(result.failed()).isZero();
        assertThat(result.partial()).as("a bounce is the address's fault, not the run's").isFalse();
        for (String delivered : List.of(slow, busy, fine)) {
            assertThat(SMTP.received(delivered)).as(delivered).hasSize(1);
        }
        for (String refused : List.of(unknown, full, spam)) {
            assertThat(SMTP.received(refused)).as(refused).isEmpty();
            assertThat(status(refused)).isEqualTo("bounced");
            assertThat(fixtures.subscriberStatus(workspace, refused)).as("flagged so later newsletters skip it").isEqualTo("bounced");
        }
        assertThat(db.sql("SELECT smtp_code FROM deliveries WHERE email = ?").param(unknown).query(Integer.class).single()).isEqualTo(550);
        assertThat(db.sql("SELECT attempts FROM deliveries WHERE email = ?").param(busy).query(Integer.class).single()).isEqualTo(3);

        NewsletterGenerated next = fixtures.newsletter(workspace, false, List.of());
        SendFixtures.publish(next);
        NewsletterSent later = SendFixtures.awaitSent(sent, next, 1);
        assertThat(later.sent()).isEqualTo(3);
        assertThat(later.skipped()).as("the bounced addresses are left out").isEqualTo(3);
    }

    @Test
    void aRecipientThatKeepsDeferringFailsAfterItsTriesAndTheRunIsPartial() {
        UUID workspace = fixtures.workspace();
        String stuck = fixtures.subscriber(workspace, "stuck@greylist.example", "active");
        fixtures.subscribers(workspace, "ok.example", 2);
        for (int i = 0; i < 4; i++) {
            SMTP.script(stuck, new Step.AtRcpt("450 4.7.1 Greylisted"));
        }
        NewsletterGenerated input = fixtures.newsletter(workspace, false, List.of());
        SendFixtures.publish(input);
        NewsletterSent result = SendFixtures.awaitSent(sent, input, 1);

        assertThat(result.sent()).isEqualTo(2);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.deferred()).isEqualTo(1);
        assertThat(result.partial()).isTrue();
        assertThat(status(stuck)).isEqualTo("failed");
        assertThat(fixtures.subscriberStatus(workspace, stuck)).as("a 4xx never flags the subscriber").isEqualTo("active");
    }

    @Test
    void aReplayOfAPartialSendTriesAgainOnlyTheRecipientsWhoseRetriesRanOut() {
        UUID workspace = fixtures.workspace();
        String stuck = fixtures.subscriber(workspace, "replayed@greylist.example", "active");
        String gone = fixtures.subscriber(workspace, "gone@mx-c.example", "active");
        List<String> readers = fixtures.subscribers(workspace, "ok.example", 2);
        for (int i = 0; i < 4; i++) {
            SMTP.script(stuck, new Step.AtRcpt("450 4.7.1 Greylisted"));
        }
        SMTP.script(gone, new Step.AtRcpt("550 5.1.1 No such user"));
        NewsletterGenerated input = fixtures.newsletter(workspace, false, List.of());
        SendFixtures.publish(input);
        NewsletterSent partial = SendFixtures.awaitSent(sent, input, 1);
        assertThat(partial.failed()).isEqualTo(1);
        assertThat(partial.partial()).isTrue();

        NewsletterGenerated replay = SendFixtures.replay(input);
        SendFixtures.publish(replay);
        NewsletterSent result = SendFixtures.awaitSent(sent, replay, 2);
        assertThat(result.sent()).as("the greylisted one got through on the replay's second try").isEqualTo(3);
        assertThat(result.failed()).isZero();
        assertThat(result.bounced()).isEqualTo(1);
        assertThat(result.partial()).isFalse();
        assertThat(SMTP.received(stuck)).hasSize(1);
        assertThat(SMTP.received(gone)).as("a bounce is not tried again").isEmpty();
        for (String reader : readers) {
            assertThat(SMTP.received(reader)).as("mailed once, not again by the replay").hasSize(1);
        }

        SendFixtures.publish(replay);
        NewsletterSent again = SendFixtures.awaitSent(sent, replay, 3);
        assertThat(again.sent()).isEqualTo(3);
        assertThat(again.failed()).isZero();
        assertThat(SMTP.messagesReceived()).as("the same replay delivered again mails nobody").isEqualTo(3);
    }

    @Test
    void aConnectionDroppedBeforeTheMessageIsSentAgainAndIsNotAmbiguous() {
        UUID workspace = fixtures.workspace();
        String reader = fixtures.subscriber(workspace, "reader@dropped-early.example", "active");
        SMTP.script(reader, new Step.DropAtRcpt());
        NewsletterGenerated input = fixtures.newsletter(workspace, false, List.of());
        SendFixtures.publish(input);
        NewsletterSent result = SendFixtures.awaitSent(sent, input, 1);

        assertThat(result.sent()).isEqualTo(1);
        assertThat(result.ambiguous()).as("lost before the final dot: the server cannot have it").isZero();
        assertThat(SMTP.received(reader)).hasSize(1);
    }

    @Test
    void aConnectionResetMidDataIsSentAgainAndArrivesOnce() {
        UUID workspace = fixtures.workspace();
        String reader = fixtures.subscriber(workspace, "reader@dropped.example", "active");
        SMTP.script(reader, new Step.DropMidData());
        NewsletterGenerated input = fixtures.newsletter(workspace, false, List.of(),
                SendFixtures.HTML + "<p>" + "x".repeat(200_000) + "</p>");
        SendFixtures.publish(input);
        NewsletterSent result = SendFixtures.awaitSent(sent, input, 1);

        assertThat(result.sent()).isEqualTo(1);
        assertThat(SMTP.received(reader)).as("the half message was not taken; the retry was").hasSize(1);
        assertThat(result.ambiguous()).as("ambiguous only if the whole message had left before the reset").isBetween(0, 1);
    }

    @Test
    void aConnectionLostAfterTheFinalDotIsCountedAsAmbiguousAndSentAgain() {
        UUID workspace = fixtures.workspace();
        String reader = fixtures.subscriber(workspace, "reader@ambiguous.example", "active");
        SMTP.script(reader, new Step.DropAfterDot());
        NewsletterGenerated input = fixtures.newsletter(workspace, false, List.of());
        SendFixtures.publish(input);
        NewsletterSent result = SendFixtures.awaitSent(sent, input, 1);

        assertThat(result.sent()).isEqualTo(1);
        assertThat(result.ambiguous()).isEqualTo(1);
        assertThat(SMTP.received(reader)).as("sent again rather than risk skipping; the same Message-ID both times")
                .hasSize(2).containsOnly(SMTP.received(reader).get(0));
    }

    @Test
    void aServerThatNeverAnswersPausesTheSendThenFailsItWithTheLedgerIntactAndAReplayFinishesIt() throws Exception {
        UUID workspace = fixtures.workspace();
        List<String> readers = fixtures.subscribers(workspace, "silent.example", 5);
        SMTP.silent(true);
        NewsletterGenerated input = fixtures.newsletter(workspace, false, List.of());
        TopicReader deadLetters = TopicReader.atEnd(Topics.NEWSLETTER_GENERATED.name() + ".action-send.dlt");
        SendFixtures.publish(input);

        ActionFailed failed = SendFixtures.awaitFailed(failures, input);
        assertThat(failed.errorCode()).isEqualTo("SMTP_UNAVAILABLE");
        assertThat(failed.attempts()).as("paused and retried, not failed at once").isEqualTo(3);
        assertThat(failed.deadLetterTopic()).isEqualTo(Topics.NEWSLETTER_GENERATED.name() + ".action-send.dlt");
        assertThat(SendFixtures.await(deadLetters, input, 1)).hasSize(1);
        awaitUntried(input, 5);

        SMTP.silent(false);
        NewsletterGenerated replay = SendFixtures.replay(input);
        SendFixtures.publish(replay);
        NewsletterSent result = SendFixtures.awaitSent(sent, replay, 1);
        assertThat(result.sent()).isEqualTo(5);
        for (String reader : readers) {
            assertThat(SMTP.received(reader)).as(reader).hasSize(1);
        }
        SendFixtures.publish(replay);
        assertThat(SendFixtures.awaitSent(sent, replay, 2).sent()).isEqualTo(5);
        assertThat(SMTP.messagesReceived()).as("replaying again mails nobody twice").isEqualTo(5);
    }

    @Test
    void aServerThatRefusesOurLoginFailsTheSendAsAuthenticationFailed() throws Exception {
        UUID workspace = fixtures.workspace();
        fixtures.subscribers(workspace, "auth.example", 3);
        SMTP.refuseLogin(true);
        NewsletterGenerated input = fixtures.newsletter(workspace, false, List.of());
        SendFixtures.publish(input);

        ActionFailed failed = SendFixtures.awaitFailed(failures, input);
        assertThat(failed.errorCode()).isEqualTo("SMTP_AUTH_FAILED");
        assertThat(failed.errorMessage()).contains("535");
        assertThat(SMTP.messagesReceived()).isZero();
        awaitUntried(input, 3);
    }
}
