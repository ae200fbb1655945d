package dev.pulse.send.message;

import java.io.IOException;
import java.io.OutputStream;

import jakarta.mail.Session;

import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * One recipient's message, written by its {@link MessageTemplate} straight into the transport's
 * stream. The envelope sender is set apart from the header.
 */
final class PreparedMessage extends SMTPMessage {

    private final MessageTemplate template;
    private final Recipient recipient;

    PreparedMessage(Session session, MessageTemplate template, Recipient recipient, String envelopeFrom) {
        super(session);
        this.template = template;
        this.recipient = recipient;
        setEnvelopeFrom(envelopeFrom);
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreHeaders) throws IOException {
        template.writeTo(out, recipient);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        template.writeTo(out, recipient);
    }
}
