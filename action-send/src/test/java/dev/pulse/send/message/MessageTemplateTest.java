package dev.pulse.send.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;

import dev.pulse.contracts.messages.NewsletterGenerated;

/** The bytes of a message, read back by a MIME parser: what a mail client will see. */
class MessageTemplateTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String LINK = "https://pulse.example/api/v1/unsubscribe?token=AbC-dEf_123.xYz=%3D"
            + "-a-link-long-enough-to-need-a-soft-line-break-of-its-own-in-quoted-printable";

    private static MimeMessage parse(byte[] bytes) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
    }

    private static MessageTemplate template(String subject, String html, String text) throws Exception {
        return new MessageTemplate(UUID.randomUUID(), new MessageTemplate.Letter(subject, html, text,
                new InternetAddress("news@team.example", "Team \u00c9t\u00e9", "UTF-8"), new InternetAddress("editor@team.example"),
                "ws.lists.example", Instant.parse("2026-12-02T08:00:00Z")));
    }

    private static Recipient recipient(String mailto) throws Exception {
        return new Recipient(new InternetAddress("reader@example.org"), "<abc@pulse.test>", LINK, mailto);
    }

    @Test
    void bothPartsDecodeToTheBodiesWithTheRecipientsLinkInEveryPlaceholder() throws Exception {
        String u = NewsletterGenerated.UNSUBSCRIBE_URL;
        String html = "<p style=\"color:#333\">Caf\u00e9 \u2014 \u65e5\u672c\u8a9e " + "x".repeat(200) + "</p>\n"
                + ".a line starting with a dot\n" + "trailing spaces   \n" + "<a href=\"" + u + "\">Unsubscribe</a> or " + u;
        String text = u + " first, then words = and tabs\tand a very long line " + "y".repeat(300) + "\nend " + u;
        MimeMessage message = parse(template("Weekly: AI \u00e9dition", html, text).bytes(recipient(null)));

        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getBodyPart(0).getContentType()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n")).isEqualTo(text.replace(u, LINK));
        assertThat(((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n")).isEqualTo(html.replace(u, LINK));
    }

    @Test
    void noLineIsLongerThanSeventySixCharactersAndEveryByteIsAscii() throws Exception {
        byte[] bytes = template("S", "<p>" + "\u00e9".repeat(500) + "</p>", "t".repeat(1000)).bytes(recipient(null));
        String raw = new String(bytes, StandardCharsets.US_ASCII);
        for (byte b : bytes) {
            assertThat(b & 0xff).isLessThan(128);
        }
        String body = raw.substring(raw.indexOf("\r\n\r\n"));
        assertThat(body.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
        assertThat(raw.replace("\r\n", "")).doesNotContain("\r", "\n");
    }

    @Test
    void theHeadersNameTheListTheRecipientAndTheOneClickUnsubscribe() throws Exception {
        MimeMessage message = parse(template("Weekly: AI \u00e9dition", "<p>x</p>", "x").bytes(recipient("mailto:unsub@team.example?subject=unsubscribe")));

        assertThat(message.getSubject()).isEqualTo("Weekly: AI \u00e9dition");
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Team \u00c9t\u00e9");
        assertThat(message.getReplyTo()[0].toString()).isEqualTo("editor@team.example");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("reader@example.org");
        assertThat(message.getMessageID()).isEqualTo("<abc@pulse.test>");
        assertThat(message.getHeader("List-Id", null)).isEqualTo("<ws.lists.example>");
        assertThat(message.getHeader("List-Unsubscribe", null).replace("\r\n", ""))
                .isEqualTo("<" + LINK + ">, <mailto:unsub@team.example?subject=unsubscribe>");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.getSentDate()).isEqualTo(java.util.Date.from(Instant.parse("2026-12-02T08:00:00Z")));
        assertThat(message.getContentType()).startsWith("multipart/alternative");
    }

    @Test
    void aLineBreakInTheSubjectCannotForgeAHeader() throws Exception {
        MimeMessage message = parse(template("Hi\r\nBcc: victim@example.org", "<p>x</p>", "x").bytes(recipient(null)));

        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(message.getSubject()).doesNotContain("\n");
    }
}
