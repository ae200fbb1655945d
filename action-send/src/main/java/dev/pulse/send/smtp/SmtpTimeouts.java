package dev.pulse.send.smtp;

import java.time.Duration;

/** How long a connection may take to open, to answer, and to take what is written to it. */
public record SmtpTimeouts(Duration connect, Duration read, Duration write) {
}
