package dev.pulse.send.ledger;

/** Who a workspace's newsletters come from: its own settings, else the service's default. */
public record Sender(String address, String name, String replyTo) {
}
