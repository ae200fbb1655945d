package dev.pulse.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.pulse.contracts.messages.ActionFailed;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.contracts.messages.NewsletterSent;
import dev.pulse.contracts.topics.Topics;
import dev.pulse.contracts.unsubscribe.UnsubscribeTokens;
import dev.pulse.testsupport.TopicReader;
import dev.pulse.testsupport.WithKafka;
import dev.pulse.testsupport.WithPostgres;

/** NewsletterGenerated in, mail out through GreenMail (a real SMTP server), NewsletterSent back. */
@WithKafka
@WithPostgres
// closed after the class: a cached context's consumers would stay in the action-send group
@DirtiesContext
@SpringBootTest(properties = {"spring.mail.host=localhost", "spring.mail.port=3025"})
class SendStageTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final UnsubscribeTokens TOKENS = new UnsubscribeTokens("test-unsubscribe-secret-that-is-long-enough");

    @Autowired
    JdbcClient db;

    private SendFixtures fixtures;
    private TopicReader sent;
    private TopicReader failures;

    @BeforeEach
    void readers() {
        fixtures = new SendFixtures(db);
        sent = TopicReader.atEnd(Topics.NEWSLETTER_SENT.name());
        failures = TopicReader.atEnd(Topics.ACTION_FAILED.name());
    }

    private static List<MimeMessage> mailTo(String email) throws Exception {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(email));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void everyActiveSubscriberGetsOneMessageWithBothPartsAndTheListHeaders() throws Exception {
        UUID workspace = fixtures.workspace();
        db.sql("UPDATE workspaces SET sender_email = 'news@team.example', sender_name = 'Team Caf\u00e9', reply_to = 'editor@team.example' WHERE id = ?")
                .param(workspace).update();
        List<String> active = fixtures.subscribers(workspace, "headers.example", 5);
        fixtures.subscriber(workspace, "gone@headers.example", "unsubscribed");
        fixtures.subscriber(workspace, "bounced@headers.example", "bounced");
        NewsletterGenerated input = fixtures.newsletter(workspace, false, List.of());

        SendFixtures.publish(input);
        NewsletterSent result = SendFixtures.awaitSent(sent, input, 1);

        assertThat(result.recipients()).isEqualTo(7);
        assertThat(result.sent()).isEqualTo(5);
        assertThat(result.skipped()).as("not active when the list was fixed").isEqualTo(2);
        assertThat(result.bounced() + result.failed() + result.deferred() + result.ambiguous()).isZero();
        assertThat(result.partial()).isFalse();
        Set<String> messageIds = new HashSet<>();
        for (String email : active) {
            List<MimeMessage> mail = mailTo(email);
            assertThat(mail).as("one message for %s", email).hasSize(1);
            MimeMessage message = mail.get(0);
            UUID subscriber = db.sql("SELECT id FROM subscribers WHERE email = ?").param(email).query(UUID.class).single();
            assertThat(message.getSubject()).isEqualTo(input.subject());
            assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Team Caf\u00e9");
            assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("news@team.example");
            assertThat(message.getReplyTo()[0].toString()).isEqualTo("editor@team.example");
            assertThat(message.getHeader("List-Id", null)).isEqualTo("<" + workspace + ".lists.pulse.localhost>");
            assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
            String listUnsubscribe = message.getHeader("List-Unsubscribe", null);
            assertThat(listUnsubscribe).startsWith("<https://pulse.example/api/v1/unsubscribe?token=").endsWith(">");
            String link = listUnsubscribe.substring(1, listUnsubscribe.length() - 1);
            assertThat(TOKENS.verify(link.substring(link.indexOf("token=") + 6))).as("the token names the subscriber").contains(subscriber);
            assertThat(message.getMessageID()).isEqualTo(db.sql("SELECT message_id FROM deliveries WHERE subscriber_id = ?")
                    .param(subscriber).query(String.class).single());
            messageIds.add(message.getMessageID());

            assertThat(message.getContentType()).startsWith("multipart/alternative");
            MimeMultipart parts = (MimeMultipart) message.getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
            assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
            String text = (String) parts.getBodyPart(0).getContent();
            String html = (String) parts.getBodyPart(1).getContent();
            assertThat(text.replace("\r\n", "\n")).isEqualTo(SendFixtures.TEXT.replace(NewsletterGenerated.UNSUBSCRIBE_URL, link));
            assertThat(html.replace("\r\n", "\n")).isEqualTo(SendFixtures.HTML.replace(NewsletterGenerated.UNSUBSCRIBE_URL, link));
        }
        assertThat(messageIds).as("a Message-ID per recipient").hasSize(5);
        assertThat(mailTo("gone@headers.example")).isEmpty();
        assertThat(mailTo("bounced@headers.example")).isEmpty();
    }

    @Test
    void aRedeliveredInputMailsNobodyAgainAndLaterSubscribersWaitForTheNextNewsletter() throws Exception {
        UUID workspace = fixtures.workspace();
        List<String> active = fixtures.subscribers(workspace, "again.example", 3);
        NewsletterGenerated input = fixtures.newsletter(workspace, false, List.of());
        SendFixtures.publish(input);
        NewsletterSent first = SendFixtures.awaitSent(sent, input, 1);

        fixtures.subscriber(workspace, "late@again.example", "active");
        SendFixtures.publish(input);
        NewsletterSent second = SendFixtures.awaitSent(sent, input, 2);

        assertThat(second).as("the kept outcome, and the same event id").isEqualTo(first);
        for (String email : active) {
            assertThat(mailTo(email)).hasSize(1);
        }
        assertThat(mailTo("late@again.example")).as("the list was fixed when the send started").isEmpty();
    }

    @Test
    void testModeMailsOnlyTheTestEmailsWithATestPrefix() throws Exception {
        UUID workspace = fixtures.workspace();
        List<String> active = fixtures.subscribers(workspace, "testmode.example", 3);
        NewsletterGenerated input = fixtures.newsletter(workspace, true, List.of("qa@testmode.example", "boss@testmode.example"));
        SendFixtures.publish(input);
        NewsletterSent result = SendFixtures.awaitSent(sent, input, 1);

        assertThat(result.envelope().testMode()).isTrue();
        assertThat(result.recipients()).isEqualTo(2);
        assertThat(result.sent()).isEqualTo(2);
        for (String email : active) {
            assertThat(mailTo(email)).as("no subscriber is mailed in test mode").isEmpty();
        }
        assertThat(mailTo("qa@testmode.example")).singleElement().satisfies(m -> assertThat(m.getSubject()).isEqualTo("[TEST] " + input.subject()));
        assertThat(mailTo("boss@testmode.example")).hasSize(1);
    }

    @Test
    void testModeWithoutTestEmailsMailsNobody() throws Exception {
        UUID workspace = fixtures.workspace();
        List<String> active = fixtures.subscribers(workspace, "quiet.example", 2);
        NewsletterGenerated input = fixtures.newsletter(workspace, true, List.of());
        SendFixtures.publish(input);
        NewsletterSent result = SendFixtures.awaitSent(sent, input, 1);

        assertThat(result.recipients()).isZero();
        assertThat(result.sent()).isZero();
        assertThat(mailTo(active.get(0))).isEmpty();
    }

    @Test
    void aPlanStartingWithSendSendsTheNewestUnsentNewsletterAndThenHasNothingToSend() throws Exception {
        UUID workspace = fixtures.workspace();
        List<String> active = fixtures.subscribers(workspace, "sendonly.example", 2);
        fixtures.newsletter(workspace, false, List.of());
        Thread.sleep(5);
        NewsletterGenerated newest = fixtures.newsletter(workspace, false, List.of());

        JobDue first = SendFixtures.sendOnly(workspace);
        SendFixtures.publish(first);
        NewsletterSent result = SendFixtures.awaitSent(sent, first, 1);
        assertThat(result.newsletterId()).isEqualTo(newest.newsletterId());
        assertThat(mailTo(active.get(0))).singleElement().satisfies(m -> assertThat(m.getSubject()).isEqualTo(newest.subject()));

        JobDue second = SendFixtures.sendOnly(workspace);
        SendFixtures.publish(second);
        assertThat(SendFixtures.awaitSent(sent, second, 1).newsletterId()).as("then the older one").isNotEqualTo(newest.newsletterId());

        JobDue third = SendFixtures.sendOnly(workspace);
        SendFixtures.publish(third);
        ActionFailed failed = SendFixtures.awaitFailed(failures, third);
        assertThat(failed.errorCode()).isEqualTo("NOTHING_TO_SEND");
        assertThat(failed.attempts()).as("not retried").isEqualTo(1);
    }
}
