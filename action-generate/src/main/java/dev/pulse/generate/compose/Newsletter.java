package dev.pulse.generate.compose;

import java.util.List;
import java.util.UUID;

/**
 * A newsletter's content before rendering: the subject, the preheader (the line inboxes show after
 * it), the intro and outro in the job's tone, and the sections. {@code itemIds} are every scraped
 * item it uses, so later newsletters of the workspace can leave them out.
 */
public record Newsletter(String subject, String preheader, String intro, List<Section> sections, String outro,
        List<UUID> itemIds) {

    public Newsletter {
        sections = List.copyOf(sections);
        itemIds = List.copyOf(itemIds);
    }

    public int storyCount() {
        return sections.stream().mapToInt(s -> s.stories().size()).sum();
    }
}
