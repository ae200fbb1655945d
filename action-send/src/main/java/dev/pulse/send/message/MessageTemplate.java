package dev.pulse.send.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import dev.pulse.contracts.messages.NewsletterGenerated;

/**
 * One newsletter as mail: {@code multipart/alternative} with the text and the HTML part, both
 * quoted-printable, and the list headers (RFC 2369, RFC 2919, RFC 8058 one-click). Everything common
 * to all recipients is encoded once; a message costs its own headers and link only.
 */
public final class MessageTemplate {

    private static final byte[] CRLF = {'\r', '\n'};
    // compiled once: three headers of every message go through it
    private static final Pattern LINE_BREAK = Pattern.compile("[\r\n]");

    private final byte[] commonHeaders;
    private final String boundary;
    private final List<byte[]> textPieces;
    private final List<byte[]> htmlPieces;
    private final String envelopeFrom;
    private final byte[] textHead;
    private final byte[] htmlHead;
    private final byte[] closing;

    public MessageTemplate(UUID newsletterId, Letter letter) {
        this.envelopeFrom = letter.from().getAddress();
        // "=_" cannot occur in quoted-printable text, so the boundary never collides with a body.
        this.boundary = "=_pulse_" + newsletterId.toString().replace("-", "");
        StringBuilder headers = new StringBuilder(512);
        header(headers, "Date", new MailDateFormat().format(Date.from(letter.date())));
        header(headers, "From", letter.from().toString());
        if (letter.replyTo() != null) {
            header(headers, "Reply-To", letter.replyTo().toString());
        }
        header(headers, "Subject", MimeUtility.fold(9, encodeWord(letter.subject())));
        header(headers, "MIME-Version", "1.0");
        header(headers, "List-Id", "<" + letter.listId() + ">");
        header(headers, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        header(headers, "Content-Type", "multipart/alternative; boundary=\"" + boundary + "\"");
        this.commonHeaders = headers.toString().getBytes(StandardCharsets.US_ASCII);
        this.textHead = partHead("text/plain");
        this.htmlHead = partHead("text/html");
        this.closing = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        this.textPieces = pieces(letter.text());
        this.htmlPieces = pieces(letter.html());
    }

    /** The message for one recipient, ready for the transport. */
    public MimeMessage message(Session session, Recipient recipient) {
        return new PreparedMessage(session, this, recipient, envelopeFrom);
    }

    byte[] bytes(Recipient recipient) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            writeTo(out, recipient);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Streams the message straight to the transport: nothing per recipient but its headers and link is copied. */
    void writeTo(OutputStream out, Recipient recipient) throws IOException {
        byte[] link = QuotedPrintable.encode(recipient.unsubscribeUrl());
        StringBuilder own = new StringBuilder(256);
        header(own, "To", recipient.address().toString());
        header(own, "Message-ID", recipient.messageId());
        header(own, "List-Unsubscribe", recipient.unsubscribeMailto() == null ? "<" + recipient.unsubscribeUrl() + ">"
                : "<" + recipient.unsubscribeUrl() + ">,\r\n <" + recipient.unsubscribeMailto() + ">");
        out.write(own.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(commonHeaders);
        out.write(CRLF);
        part(out, textHead, textPieces, link);
        part(out, htmlHead, htmlPieces, link);
        out.write(closing);
    }

    private static void part(OutputStream out, byte[] head, List<byte[]> pieces, byte[] link) throws IOException {
        out.write(head);
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) {
                out.write(link);
            }
            out.write(pieces.get(i));
        }
        out.write(CRLF);
    }

    private byte[] partHead(String type) {
        return ("--" + boundary + "\r\nContent-Type: " + type + "; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A body cut at each unsubscribe placeholder, every piece encoded on its own. */
    private static List<byte[]> pieces(String body) {
        List<byte[]> pieces = new ArrayList<>();
        int from = 0;
        for (int at = body.indexOf(NewsletterGenerated.UNSUBSCRIBE_URL); at >= 0;
                at = body.indexOf(NewsletterGenerated.UNSUBSCRIBE_URL, from)) {
            pieces.add(QuotedPrintable.encode(body.substring(from, at)));
            from = at + NewsletterGenerated.UNSUBSCRIBE_URL.length();
        }
        pieces.add(QuotedPrintable.encode(body.substring(from)));
        return pieces;
    }

    private static String encodeWord(String text) {
        try {
            return MimeUtility.encodeText(text, "UTF-8", "Q");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static void header(StringBuilder headers, String name, String value) {
        // values come from our own settings and validated addresses; a line break would forge a header
        headers.append(name).append(": ").append(LINE_BREAK.matcher(value.replace("\r\n ", "\u0000")).replaceAll(" ")
                .replace("\u0000", "\r\n ")).append("\r\n");
    }

    /** What is the same in every recipient's message. */
    public record Letter(String subject, String html, String text, InternetAddress from, InternetAddress replyTo,
            String listId, Instant date) {
    }
}
