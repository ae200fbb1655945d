package dev.pulse.send.run;

import java.time.Duration;

import dev.pulse.send.ledger.Sender;

/**
 * What a send starts with and how it waits: the service's sender for workspaces that set none, the
 * domain of every Message-ID, and how often an owner waiting on deferred rows, or helpers looking for
 * sends to join, look again. Helpers join a send whose owner renewed its heartbeat within
 * {@code ownerAlive}.
 */
public record RunPolicy(Sender defaultSender, String messageIdDomain, Duration poll, Duration ownerAlive) {
}
