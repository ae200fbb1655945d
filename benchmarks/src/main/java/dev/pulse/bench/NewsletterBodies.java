package dev.pulse.bench;

import java.nio.charset.StandardCharsets;

import dev.pulse.contracts.messages.NewsletterGenerated;

/** A newsletter of about 20 KB of HTML, shaped like action-generate's: ten stories in a table layout. */
final class NewsletterBodies {

    private NewsletterBodies() {
    }

    static String html() {
        StringBuilder html = new StringBuilder("<!doctype html>\n<html><body style=\"margin:0;padding:0;background:#f4f4f5\">\n"
                + "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\">\n");
        int story = 0;
        while (html.length() < 20_000) {
            html.append("<tr><td style=\"padding:16px 24px;font-family:Arial,sans-serif;color:#18181b\">\n")
                    .append("<a href=\"https://news.example/stories/").append(story).append("\" style=\"color:#1d4ed8;font-size:18px\">")
                    .append("Story ").append(story).append(": a headline of a usual length for a newsletter</a>\n")
                    .append("<p style=\"margin:8px 0 0;font-size:14px;line-height:1.5;color:#3f3f46\">A summary of the story in a couple\n")
                    .append("of sentences, cut at a sentence boundary. It says what happened and why a reader might care about it.\n")
                    .append("</p></td></tr>\n");
            story++;
        }
        return html.append("<tr><td><a href=\"").append(NewsletterGenerated.UNSUBSCRIBE_URL).append("\">Unsubscribe</a></td></tr>\n")
                .append("</table></body></html>\n").toString();
    }

    static String text() {
        StringBuilder text = new StringBuilder();
        for (int story = 0; text.length() < 6_000; story++) {
            text.append("Story ").append(story).append(": a headline of a usual length for a newsletter\n")
                    .append("https://news.example/stories/").append(story).append("\n")
                    .append("A summary of the story in a couple of sentences, cut at a sentence boundary.\n\n");
        }
        return text.append("Unsubscribe: ").append(NewsletterGenerated.UNSUBSCRIBE_URL).append("\n").toString();
    }

    /** The newsletter as a raw message, about the size Pulse sends, for the sink's ceiling. */
    static byte[] rawMessage(String html) {
        String message = "From: newsletters@bench.example\r\nTo: reader@bench.example\r\nSubject: Pulse digest\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" + html.replace("\n", "\r\n") + text().replace("\n", "\r\n");
        return message.getBytes(StandardCharsets.UTF_8);
    }
}
