package dev.pulse.send.message;

import java.io.UnsupportedEncodingException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import dev.pulse.send.ledger.SendPlan;

/** The message template of each send this instance works on, made once per send. */
public final class Templates {

    private static final int KEPT = 32;

    private final String listIdDomain;
    private final Map<java.util.UUID, MessageTemplate> made = new ConcurrentHashMap<>();

    public Templates(String listIdDomain) {
        this.listIdDomain = listIdDomain;
    }

    public MessageTemplate of(SendPlan plan) {
        if (made.size() > KEPT) {
            made.clear(); // sends finish within minutes; an old one that comes back is simply made again
        }
        return made.computeIfAbsent(plan.newsletterId(), id -> new MessageTemplate(id, letter(plan)));
    }

    private MessageTemplate.Letter letter(SendPlan plan) {
        try {
            InternetAddress from = new InternetAddress(plan.fromAddress(), plan.fromName(), "UTF-8");
            from.validate();
            InternetAddress replyTo = plan.replyTo() == null ? null : new InternetAddress(plan.replyTo(), true);
            return new MessageTemplate.Letter(plan.subject(), plan.html(), plan.text(), from, replyTo,
                    plan.workspaceId() + "." + listIdDomain, plan.startedAt());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("The sender of workspace " + plan.workspaceId() + " is not a valid address: "
                    + e.getMessage(), e);
        }
    }
}
