package dev.pulse.send.message;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.mail.internet.InternetAddress;

import dev.pulse.contracts.unsubscribe.UnsubscribeTokens;

/**
 * Each recipient's own unsubscribe links: the API's one-click URL with an HMAC token naming the
 * subscriber, and a {@code mailto:} when a mailbox for unsubscribe requests is configured. A test
 * recipient is no subscriber; its token names nobody and the API answers that the link is not valid.
 */
public final class UnsubscribeLinks {

    private final String endpoint;
    private final String mailbox;
    private final UnsubscribeTokens tokens;

    public UnsubscribeLinks(String apiBaseUrl, String mailbox, UnsubscribeTokens tokens) {
        this.endpoint = apiBaseUrl.replaceAll("/+$", "") + "/api/v1/unsubscribe?token=";
        this.mailbox = mailbox == null || mailbox.isBlank() ? null : mailbox.strip();
        this.tokens = tokens;
    }

    public Recipient recipient(InternetAddress address, String messageId, UUID subscriberId) {
        UUID named = subscriberId != null ? subscriberId
                : UUID.nameUUIDFromBytes(("test/" + address.getAddress()).getBytes(StandardCharsets.UTF_8));
        String token = tokens.issue(named);
        return new Recipient(address, messageId, endpoint + token,
                mailbox == null ? null : "mailto:" + mailbox + "?subject=unsubscribe%20" + token);
    }
}
