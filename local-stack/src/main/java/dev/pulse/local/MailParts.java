package dev.pulse.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.mail.MailAddress;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** What the mail viewer shows of a received message, read without failing on a malformed one. */
final class MailParts {

    private MailParts() {
    }

    /** A message's first text/plain and first text/html part, decoded (transfer encoding and charset). */
    record Bodies(String text, String html) {
    }

    static Bodies bodies(Part message) {
        String[] found = new String[2];
        try {
            collect(message, found);
        } catch (MessagingException | IOException e) {
            if (found[0] == null) {
                found[0] = "(could not be decoded: " + e.getMessage() + ")";
            }
        }
        return new Bodies(found[0], found[1]);
    }

    private static void collect(Part part, String[] found) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                collect(parts.getBodyPart(i), found);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return;
        } else if (part.isMimeType("text/plain") && found[0] == null) {
            found[0] = text(part);
        } else if (part.isMimeType("text/html") && found[1] == null) {
            found[1] = text(part);
        }
    }

    /** Decoded, with the wire's CRLF line ends as LF. */
    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        String text;
        if (content instanceof String decoded) {
            text = decoded;
        } else {
            try (InputStream in = part.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return text.replace("\r\n", "\n");
    }

    static String from(MimeMessage message, MailAddress returnPath) {
        try {
            Address[] from = message.getFrom();
            if (from != null && from.length > 0) {
                return display(from);
            }
        } catch (MessagingException unreadable) {
            // fall back to the envelope
        }
        return returnPath == null ? "" : returnPath.getEmail();
    }

    static String to(MimeMessage message) {
        try {
            Address[] to = message.getRecipients(MimeMessage.RecipientType.TO);
            return to == null ? "" : display(to);
        } catch (MessagingException unreadable) {
            return "";
        }
    }

    private static String display(Address[] addresses) {
        StringBuilder text = new StringBuilder();
        for (Address address : addresses) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append(address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString());
        }
        return text.toString();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException unreadable) {
            return null;
        }
    }

    static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ", ");
        } catch (MessagingException unreadable) {
            return null;
        }
    }
}
