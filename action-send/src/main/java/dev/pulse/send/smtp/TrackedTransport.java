package dev.pulse.send.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;

import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport, noting whether the current message's final dot reached the server.
 * A connection lost after that and before the reply leaves the message's fate unknown: the server
 * may have taken it.
 */
final class TrackedTransport extends SMTPTransport {

    private boolean dotSent;

    TrackedTransport(Session session, URLName url, boolean ssl) {
        super(session, url, ssl ? "smtps" : "smtp", ssl);
    }

    @Override
    protected void mailFrom() throws MessagingException {
        dotSent = false;
        super.mailFrom();
    }

    @Override
    protected void sendCommand(String command) throws MessagingException {
        super.sendCommand(command);
        if (".".equals(command)) {
            dotSent = true;
        }
    }

    boolean dotSent() {
        return dotSent;
    }
}
