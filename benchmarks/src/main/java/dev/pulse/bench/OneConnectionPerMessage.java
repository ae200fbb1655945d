package dev.pulse.bench;

import java.util.Properties;

import jakarta.mail.internet.MimeMessage;

import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The original's way of sending: Spring's JavaMailSender with its defaults, one new connection per
 * message (each {@code send} connects, sends and quits), one message after another, default socket
 * options (Nagle's algorithm on), the MIME message built per recipient.
 */
final class OneConnectionPerMessage {

    private OneConnectionPerMessage() {
    }

    static double measure(int port, int total, String subject, String html, String text) throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(port);
        sender.setJavaMailProperties(new Properties());
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom("newsletters@bench.example");
            helper.setTo("reader-" + i + "@bench.example");
            helper.setSubject(subject);
            helper.setText(text, html);
            sender.send(message);
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }
}
