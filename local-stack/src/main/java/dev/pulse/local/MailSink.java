package dev.pulse.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail's) that keeps the newest {@value #KEPT} messages it received, one per
 * recipient in order of arrival, and a viewer on its own port so a user of the local stack sees what
 * Pulse sent without a mail client:
 * <ul>
 * <li>{@code /}: every message, newest first: from, to, subject, when it arrived;</li>
 * <li>{@code /message?n=3}: message 3's headers, its text part and its HTML part (in a sandboxed frame);</li>
 * <li>{@code /html?n=3}: the HTML part alone, scripts and forms disabled;</li>
 * <li>{@code /raw?n=3}: the message as it arrived (headers, every part, still encoded), as plain text.</li>
 * </ul>
 * Numbers count from 1 in order of arrival and never change.
 */
final class MailSink implements AutoCloseable {

    /** At most this many messages are kept (20 demo sends to 100 subscribers); older ones are dropped. */
    static final int KEPT = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);
    /** What a newsletter's own HTML may do in the viewer: show itself and its images, nothing else. */
    private static final String HTML_POLICY = "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; img-src * data:; style-src 'unsafe-inline' *; font-src * data:";

    private final ServerSetup setup;
    private GreenMail smtp; // guarded by this
    private final HttpServer viewer;
    private final ZoneId zone = ZoneId.systemDefault();
    private final Deque<Received> received = new ArrayDeque<>(); // guarded by this
    private long total; // guarded by this

    /** One message as one recipient got it. */
    record Received(long number, Instant at, String from, String to, MimeMessage message) {
    }

    private MailSink(ServerSetup setup, HttpServer viewer) {
        this.setup = setup;
        this.viewer = viewer;
    }

    static MailSink start(int smtpPort, int viewerPort) throws IOException {
        HttpServer viewer = HttpServer.create(new InetSocketAddress("127.0.0.1", viewerPort), 0);
        MailSink sink = new MailSink(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), viewer);
        sink.smtpUp();
        viewer.createContext("/smtp/down", exchange -> sink.outage(exchange, false));
        viewer.createContext("/smtp/up", exchange -> sink.outage(exchange, true));
        viewer.createContext("/", sink::serve);
        viewer.start();
        return sink;
    }

    /** GreenMail's delivery, once per recipient of each message: kept, and handed to a user that stores nothing more. */
    private GreenMailUser keep(MovingMessage moving, MailAddress recipient) {
        MimeMessage message = moving.getMessage();
        String from = MailParts.from(message, moving.getReturnPath());
        synchronized (this) {
            total++;
            received.addLast(new Received(total, Instant.now(), from, recipient.getEmail(), message));
            while (received.size() > KEPT) {
                received.removeFirst();
            }
        }
        return new KeptUser(recipient.getEmail());
    }

    /** Newest first. */
    synchronized List<Received> messages() {
        List<Received> newestFirst = new ArrayList<>(received);
        java.util.Collections.reverse(newestFirst);
        return newestFirst;
    }

    private synchronized Received message(long number) {
        for (Received message : received) {
            if (message.number() == number) {
                return message;
            }
        }
        return null;
    }

    private synchronized long total() {
        return total;
    }

    /** Starts the SMTP server (again): received mail is kept across an outage. */
    synchronized void smtpUp() {
        if (smtp == null) {
            smtp = new GreenMail(setup);
            // Kept here rather than in GreenMail's mailboxes (one per address, so no order across them).
            smtp.getUserManager().setMessageDeliveryHandler(this::keep);
            smtp.start();
        }
    }

    /** Stops the SMTP server, so a user can watch a send fail and replay it (README's walk-through). */
    synchronized void smtpDown() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    private void outage(HttpExchange exchange, boolean up) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain", "POST only\n");
            return;
        }
        if (up) {
            smtpUp();
        } else {
            smtpDown();
        }
        send(exchange, 200, "text/plain", "SMTP sink on port " + setup.getPort() + " is " + (up ? "up" : "down: connections are refused") + "\n");
    }

    private void serve(HttpExchange exchange) throws IOException {
        try {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "GET only\n");
                return;
            }
            URI uri = exchange.getRequestURI();
            switch (uri.getPath()) {
                case "/" -> send(exchange, 200, "text/html", listPage());
                case "/message", "/html", "/raw" -> {
                    long number = number(uri.getQuery());
                    Received message = number > 0 ? message(number) : null;
                    if (message == null) {
                        send(exchange, 404, "text/html", page("No such message", "<p>No message " + (number > 0 ? number : "")
                                + " here" + (number > 0 && number <= total() ? " any more (only the newest " + KEPT + " are kept)" : "")
                                + ". <a href=\"/\">All received mail</a></p>"));
                    } else if (uri.getPath().equals("/raw")) {
                        send(exchange, 200, "text/plain", GreenMailUtil.getWholeMessage(message.message()));
                    } else if (uri.getPath().equals("/html")) {
                        String html = MailParts.bodies(message.message()).html();
                        exchange.getResponseHeaders().set("Content-Security-Policy", HTML_POLICY);
                        send(exchange, 200, "text/html", html != null ? html : "<p>This message has no HTML part.</p>");
                    } else {
                        send(exchange, 200, "text/html", messagePage(message));
                    }
                }
                default -> send(exchange, 404, "text/html", page("Not found", "<p><a href=\"/\">All received mail</a></p>"));
            }
        } catch (RuntimeException | IOException e) {
            // a broken message must not stop the viewer
            System.err.println("[pulse] mail viewer: " + e);
        } finally {
            exchange.close();
        }
    }

    String listPage() {
        List<Received> messages = messages();
        long total = total();
        StringBuilder html = new StringBuilder("<h1>Received mail</h1><p>").append(total).append(total == 1 ? " message" : " messages")
                .append(" received, newest first");
        if (total > messages.size()) {
            html.append(" (the newest ").append(messages.size()).append(" are kept)");
        }
        html.append(". Reload to see new ones.</p><table><tr><th>#</th><th>Received</th><th>From</th><th>To</th><th>Subject</th>"
                + "<th></th></tr>");
        for (Received message : messages) {
            String link = "/message?n=" + message.number();
            html.append("<tr><td><a href=\"").append(link).append("\">").append(message.number()).append("</a></td><td>")
                    .append(escape(TIME.format(message.at().atZone(zone)))).append("</td><td>").append(escape(message.from()))
                    .append("</td><td>").append(escape(message.to())).append("</td><td><a href=\"").append(link).append("\">")
                    .append(escape(orNone(MailParts.subject(message.message())))).append("</a></td><td><a href=\"/raw?n=")
                    .append(message.number()).append("\">raw</a></td></tr>");
        }
        return page("Pulse mail", html.append("</table>").toString());
    }

    String messagePage(Received message) {
        MimeMessage mime = message.message();
        long n = message.number();
        MailParts.Bodies bodies = MailParts.bodies(mime);
        StringBuilder html = new StringBuilder("<p><a href=\"/\">&larr; All received mail</a> &middot; <a href=\"/raw?n=").append(n)
                .append("\">Raw source</a></p><h1>").append(escape(orNone(MailParts.subject(mime)))).append("</h1><table>");
        row(html, "From", message.from());
        row(html, "To", message.to() + (MailParts.to(mime).isEmpty() || MailParts.to(mime).equalsIgnoreCase(message.to())
                ? "" : " (header: " + MailParts.to(mime) + ")"));
        row(html, "Received", TIME.format(message.at().atZone(zone)));
        for (String name : new String[] {"Date", "Reply-To", "Message-ID", "List-Unsubscribe", "List-Id"}) {
            String value = MailParts.header(mime, name);
            if (value != null) {
                row(html, name, value);
            }
        }
        html.append("</table>");
        if (bodies.html() != null) {
            html.append("<h2>HTML part</h2><iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" title=\"HTML part\" src=\"/html?n=").append(n).append("\"></iframe>");
        }
        if (bodies.text() != null) {
            html.append("<h2>Text part</h2><pre>").append(escape(bodies.text())).append("</pre>");
        }
        if (bodies.html() == null && bodies.text() == null) {
            html.append("<p>No text or HTML part; see the <a href=\"/raw?n=").append(n).append("\">raw source</a>.</p>");
        }
        return page(orNone(MailParts.subject(mime)) + " – Pulse mail", html.toString());
    }

    private static void row(StringBuilder html, String name, String value) {
        html.append("<tr><th>").append(name).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    private static String orNone(String subject) {
        return subject == null || subject.isBlank() ? "(no subject)" : subject;
    }

    private static long number(String query) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.matches("n=\\d{1,15}")) {
                    return Long.parseLong(pair.substring(2));
                }
            }
        }
        return 0;
    }

    private static String page(String title, String body) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}"
                + "iframe{width:100%;height:70vh;border:1px solid #ccc}pre{white-space:pre-wrap;background:#f6f6f6;padding:1em}"
                + "</style></head><body>" + body + "</body></html>";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        viewer.stop(0);
        smtpDown();
    }

    /** The recipient GreenMail delivers to: the message is already kept, so there is nothing more to store. */
    private record KeptUser(String email) implements GreenMailUser {

        @Override
        public String getEmail() {
            return email;
        }

        @Override
        public String getLogin() {
            return email;
        }

        @Override
        public void deliver(MovingMessage message) {
            // kept by MailSink.keep
        }

        @Override
        public void deliver(MimeMessage message) {
            // kept by MailSink.keep
        }

        @Override
        public void create() {
        }

        @Override
        public void delete() {
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public void setPassword(String password) {
        }

        @Override
        public void authenticate(String password) {
        }

        @Override
        public String getQualifiedMailboxName() {
            return email;
        }
    }
}
