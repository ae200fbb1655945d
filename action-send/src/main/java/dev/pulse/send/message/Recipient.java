package dev.pulse.send.message;

import jakarta.mail.internet.InternetAddress;

/** Who one message is for, and what is theirs in it: the Message-ID and the unsubscribe links. */
public record Recipient(InternetAddress address, String messageId, String unsubscribeUrl, String unsubscribeMailto) {
}
