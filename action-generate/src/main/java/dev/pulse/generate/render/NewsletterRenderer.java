package dev.pulse.generate.render;

import java.util.List;

import dev.pulse.contracts.messages.NewsletterGenerated;
import dev.pulse.generate.compose.Newsletter;
import dev.pulse.generate.compose.Section;
import dev.pulse.generate.compose.Story;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * A newsletter as email bodies: HTML from the precompiled jte template (table layout, inline styles,
 * everything escaped by the template) and plain text with the same content. Both carry the
 * unsubscribe placeholder that send replaces per recipient. The HTML stays under Gmail's clipping
 * size: stories are dropped from the end (and counted) until it does.
 */
public final class NewsletterRenderer {

    /** Gmail clips a message body larger than about 102 KB; keep a margin for send's own additions. */
    public static final int MAX_HTML_BYTES = 100 * 1000;

    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    public Rendered render(Newsletter newsletter) {
        Newsletter fitting = newsletter;
        String html = html(fitting);
        while (utf8Length(html) > MAX_HTML_BYTES && fitting.storyCount() > 1) {
            fitting = withoutLastStory(fitting);
            html = html(fitting);
        }
        return new Rendered(fitting, html, PlainTextBody.of(fitting));
    }

    /** The bodies, and the newsletter they show (fewer stories than composed if the HTML had to shrink). */
    public record Rendered(Newsletter newsletter, String html, String text) {
    }

    private String html(Newsletter newsletter) {
        StringOutput out = new StringOutput(32 * 1024);
        templates.render("newsletter.jte", view(newsletter), out);
        return out.toString();
    }

    static HtmlView view(Newsletter newsletter) {
        List<HtmlView.SectionView> sections = newsletter.sections().stream()
                .map(s -> new HtmlView.SectionView(s.heading(), s.stories().stream()
                        .map(story -> new HtmlView.StoryView(story.title(), SafeLinks.http(story.url()), story.summary(),
                                credit(story)))
                        .toList()))
                .toList();
        return new HtmlView(newsletter.subject(), newsletter.preheader(), newsletter.intro(), sections, newsletter.outro(),
                NewsletterGenerated.UNSUBSCRIBE_URL);
    }

    static String credit(Story story) {
        return "via " + String.join(", ", story.credits());
    }

    private static Newsletter withoutLastStory(Newsletter newsletter) {
        List<Section> sections = new java.util.ArrayList<>(newsletter.sections());
        int last = sections.size() - 1;
        // the lowest-ranked story overall goes first
        int victimSection = 0;
        int victimIndex = 0;
        double lowest = Double.MAX_VALUE;
        for (int i = 0; i <= last; i++) {
            List<Story> stories = sections.get(i).stories();
            for (int j = 0; j < stories.size(); j++) {
                if (stories.get(j).rank() <= lowest) {
                    lowest = stories.get(j).rank();
                    victimSection = i;
                    victimIndex = j;
                }
            }
        }
        List<Story> remaining = new java.util.ArrayList<>(sections.get(victimSection).stories());
        Story dropped = remaining.remove(victimIndex);
        if (remaining.isEmpty()) {
            sections.remove(victimSection);
        } else {
            sections.set(victimSection, new Section(sections.get(victimSection).heading(), remaining));
        }
        List<java.util.UUID> used = new java.util.ArrayList<>(newsletter.itemIds());
        used.removeAll(dropped.itemIds());
        return new Newsletter(newsletter.subject(), newsletter.preheader(), newsletter.intro(), sections,
                newsletter.outro(), used);
    }

    private static int utf8Length(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
