package dev.pulse.generate.render;

import java.util.List;

/**
 * What the HTML template shows, already safe to put in it: every string is text (the template escapes
 * it), and every {@code url} is an http(s) URL or null. {@code credit} names the sources.
 */
public record HtmlView(String subject, String preheader, String intro, List<SectionView> sections, String outro,
        String unsubscribeUrl) {

    public record SectionView(String heading, List<StoryView> stories) {
    }

    public record StoryView(String title, String url, String summary, String credit) {
    }
}
