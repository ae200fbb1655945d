package dev.pulse.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) that keeps every message, a plain page listing them and each one's raw
 * source ({@code /raw?n=1}), so a user of the local stack can see what Pulse sent without a mail client.
 */
final class MailSink implements AutoCloseable {

    private final GreenMail smtp;
    private final HttpServer viewer;

    private MailSink(GreenMail smtp, HttpServer viewer) {
        this.smtp = smtp;
        this.viewer = viewer;
    }

    static MailSink start(int smtpPort, int viewerPort) throws IOException {
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        HttpServer viewer = HttpServer.create(new InetSocketAddress("127.0.0.1", viewerPort), 0);
        MailSink sink = new MailSink(smtp, viewer);
        viewer.createContext("/", sink::list);
        viewer.createContext("/raw", sink::raw);
        viewer.start();
        return sink;
    }

    private void list(HttpExchange exchange) throws IOException {
        StringBuilder page = new StringBuilder("<!doctype html><title>Pulse mail</title><h1>Received mail</h1>"
                + "<table border=1 cellpadding=4><tr><th>#</th><th>To</th><th>Subject</th><th>Sent</th></tr>");
        MimeMessage[] messages = smtp.getReceivedMessages();
        for (int i = messages.length - 1; i >= 0; i--) {
            page.append(row(i + 1, messages[i]));
        }
        page.append("</table><p>").append(messages.length).append(" message(s)</p>");
        byte[] body = page.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** {@code /raw?n=3}: message 3 as it arrived (headers, both parts), as plain text. */
    private void raw(HttpExchange exchange) throws IOException {
        MimeMessage[] messages = smtp.getReceivedMessages();
        String query = exchange.getRequestURI().getQuery();
        int number = query != null && query.matches("n=\\d{1,9}") ? Integer.parseInt(query.substring(2)) : 0;
        byte[] body = number >= 1 && number <= messages.length
                ? GreenMailUtil.getWholeMessage(messages[number - 1]).getBytes(StandardCharsets.UTF_8)
                : "no such message\n".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(number >= 1 && number <= messages.length ? 200 : 404, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String row(int number, MimeMessage message) {
        try {
            StringBuilder to = new StringBuilder();
            Address[] recipients = message.getAllRecipients();
            for (Address address : recipients == null ? new Address[0] : recipients) {
                to.append(escape(address.toString())).append(' ');
            }
            return "<tr><td><a href=\"/raw?n=" + number + "\">" + number + "</a></td><td>" + to + "</td><td>" + escape(message.getSubject())
                    + "</td><td>" + message.getSentDate() + "</td></tr>";
        } catch (MessagingException e) {
            return "<tr><td>" + number + "</td><td colspan=3>unreadable: " + escape(e.getMessage()) + "</td></tr>";
        }
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() {
        viewer.stop(0);
        smtp.stop();
    }
}
