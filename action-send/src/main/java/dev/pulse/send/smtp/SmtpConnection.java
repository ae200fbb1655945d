package dev.pulse.send.smtp;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * One connection to the mail server, reused for message after message (opened on first use, and again
 * after it broke). Not thread-safe: one sender uses it at a time.
 */
public final class SmtpConnection implements AutoCloseable {

    private static final int SERVICE_CLOSING = 421;
    private static final int AUTHENTICATION_REQUIRED = 530;

    private final SmtpServer server;
    private TrackedTransport transport;

    SmtpConnection(SmtpServer server) {
        this.server = server;
    }

    /**
     * Sends one message to one recipient. Throws when nothing can get through this connection's server
     * (it cannot be reached or logged in to, or it refuses our sender): that is not this recipient's fault.
     */
    public SmtpReply send(MimeMessage message, InternetAddress recipient) throws SmtpUnavailableException {
        boolean reused = transport != null;
        SmtpReply reply = attempt(message, recipient);
        if (reused && reply instanceof SmtpReply.Lost lost && !lost.ambiguous()) {
            // servers close idle connections; a reused one that broke before the message was whole is
            // simply opened again, and the message cannot have arrived
            reply = attempt(message, recipient);
        }
        return reply;
    }

    private SmtpReply attempt(MimeMessage message, InternetAddress recipient) throws SmtpUnavailableException {
        if (transport == null) {
            open();
        }
        try {
            transport.sendMessage(message, new Address[] {recipient});
            return new SmtpReply.Accepted();
        } catch (MessagingException e) {
            return failed(e);
        }
    }

    private SmtpReply failed(MessagingException e) throws SmtpUnavailableException {
        SMTPSenderFailedException sender = find(e, SMTPSenderFailedException.class);
        int code = code(e);
        String text = text(e);
        if (sender != null && code >= 500) {
            close();
            throw new SmtpUnavailableException(code == AUTHENTICATION_REQUIRED ? "SMTP_AUTH_FAILED" : "SMTP_SENDER_REFUSED",
                    "The mail server refused the sender: " + text, e);
        }
        if (code >= 400 && code < 500) {
            if (code == SERVICE_CLOSING) {
                close();
            }
            return new SmtpReply.Deferred(code, text);
        }
        if (code >= 500) {
            return new SmtpReply.Rejected(code, text);
        }
        boolean ambiguous = transport.dotSent();
        close();
        return new SmtpReply.Lost(ambiguous, text);
    }

    private void open() throws SmtpUnavailableException {
        TrackedTransport opened = server.transport();
        try {
            opened.connect(server.host(), server.port(), server.username(), server.password());
            transport = opened;
        } catch (AuthenticationFailedException e) {
            throw new SmtpUnavailableException("SMTP_AUTH_FAILED", "The mail server refused our login: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new SmtpUnavailableException("SMTP_UNAVAILABLE", "Cannot reach the mail server at " + server.host() + ":"
                    + server.port() + ": " + text(e), e);
        }
    }

    /** The reply code of the first failure in the chain that has one; 0 if none does. */
    private static int code(MessagingException e) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            int code = 0;
            if (next instanceof SMTPAddressFailedException address) {
                code = address.getReturnCode();
            } else if (next instanceof SMTPSenderFailedException sender) {
                code = sender.getReturnCode();
            } else if (next instanceof SMTPSendFailedException send) {
                code = send.getReturnCode();
            }
            if (code >= 200) {
                return code;
            }
        }
        return 0;
    }

    private static <T extends Exception> T find(MessagingException e, Class<T> type) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (type.isInstance(next)) {
                return type.cast(next);
            }
        }
        return null;
    }

    private static String text(Exception e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()).strip());
        for (Throwable cause = e.getCause(); cause != null && text.length() < 300; cause = cause.getCause()) {
            text.append(": ").append(cause.getMessage());
        }
        return text.length() > 500 ? text.substring(0, 500) : text.toString();
    }

    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                // closing a broken connection: nothing left to tell
            }
            transport = null;
        }
    }
}
