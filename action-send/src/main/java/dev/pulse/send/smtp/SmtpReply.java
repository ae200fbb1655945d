package dev.pulse.send.smtp;

/**
 * What became of one message on one connection. {@code code} is the server's reply code, 0 when there
 * was none.
 */
public sealed interface SmtpReply {

    /** 250: the server took it. */
    record Accepted() implements SmtpReply {
    }

    /** A 4xx for this recipient: try again later. */
    record Deferred(int code, String text) implements SmtpReply {
    }

    /** A 5xx for this recipient: permanent. */
    record Rejected(int code, String text) implements SmtpReply {
    }

    /**
     * The connection broke during the transaction. {@code ambiguous}: after the final dot, so the server
     * may have taken the message; otherwise it certainly did not.
     */
    record Lost(boolean ambiguous, String text) implements SmtpReply {
    }
}
