package dev.pulse.send.message;

import java.io.OutputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message whose bytes are already written (by {@link MessageTemplate}); the transport streams them
 * as they are. The envelope sender is set apart from the header.
 */
final class PreparedMessage extends SMTPMessage {

    private final byte[] bytes;

    PreparedMessage(Session session, byte[] bytes, String envelopeFrom) {
        super(session);
        this.bytes = bytes;
        setEnvelopeFrom(envelopeFrom);
    }

    @Override
    public void writeTo(OutputStream out, String[] ignoreHeaders) throws java.io.IOException {
        out.write(bytes);
    }

    @Override
    public void writeTo(OutputStream out) throws java.io.IOException, MessagingException {
        out.write(bytes);
    }

    @Override
    public int getSize() {
        return bytes.length;
    }
}
