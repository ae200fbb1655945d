package dev.pulse.generate.render;

import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.generate.compose.Newsletter;
import dev.pulse.generate.compose.Section;
import dev.pulse.generate.compose.Story;

/** The plain-text alternative: the same content as the HTML, links written out, nothing interpreted. */
final class PlainTextBody {

    private PlainTextBody() {
    }

    static String of(Newsletter newsletter) {
        StringBuilder text = new StringBuilder(4096);
        text.append(newsletter.subject()).append("\n\n").append(newsletter.intro()).append("\n");
        for (Section section : newsletter.sections()) {
            text.append("\n").append(section.heading()).append("\n").append("-".repeat(Math.min(60,
                    section.heading().length()))).append("\n");
            for (Story story : section.stories()) {
                text.append("\n* ").append(story.title()).append("\n");
                String url = SafeLinks.http(story.url());
                if (url != null) {
                    text.append("  ").append(url).append("\n");
                }
                if (story.summary() != null) {
                    text.append("  ").append(story.summary()).append("\n");
                }
                text.append("  ").append(NewsletterRenderer.credit(story)).append("\n");
            }
        }
        text.append("\n").append(newsletter.outro()).append("\n\n-- \nUnsubscribe: ")
                .append(NewsletterGenerated.UNSUBSCRIBE_URL).append("\n");
        return text.toString();
    }
}
