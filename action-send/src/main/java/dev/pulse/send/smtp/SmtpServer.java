package dev.pulse.send.smtp;

import java.util.Properties;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

import jakarta.mail.Session;

/**
 * The mail server Pulse sends through, and how to reach it: JavaMail's own properties (whatever the
 * deployment sets under {@code spring.mail.properties}), then Pulse's timeouts and TCP_NODELAY on top,
 * since JavaMail waits forever by default.
 */
public final class SmtpServer {

    private final Session session;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final boolean ssl;

    public SmtpServer(String host, int port, String protocol, String username, String password, Properties mail,
            SmtpTimeouts timeouts) {
        this.host = host;
        this.port = port;
        this.username = username == null || username.isEmpty() ? null : username;
        this.password = this.username == null ? null : password;
        this.ssl = "smtps".equalsIgnoreCase(protocol);
        String prefix = ssl ? "mail.smtps" : "mail.smtp";
        Properties properties = new Properties();
        properties.putAll(mail);
        properties.put(prefix + ".connectiontimeout", Long.toString(timeouts.connect().toMillis()));
        properties.put(prefix + ".timeout", Long.toString(timeouts.read().toMillis()));
        properties.put(prefix + ".writetimeout", Long.toString(timeouts.write().toMillis()));
        properties.put(prefix + ".socketFactory", new NoDelaySocketFactory(SocketFactory.getDefault()));
        properties.put(prefix + ".ssl.socketFactory", new NoDelaySocketFactory(SSLSocketFactory.getDefault()));
        properties.put(prefix + ".auth", Boolean.toString(this.username != null));
        // The reply to QUIT tells nothing; closing a connection should not wait for it.
        properties.put(prefix + ".quitwait", "false");
        this.session = Session.getInstance(properties);
    }

    public SmtpConnection connection() {
        return new SmtpConnection(this);
    }

    public Session session() {
        return session;
    }

    TrackedTransport transport() {
        return new TrackedTransport(session, null, ssl);
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }
}
