package dev.pulse.generate.compose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The best stories, at most {@code maxItems}, no source taking more than {@code perGroup} of them while
 * other sources have stories left (the cap keeps one busy source from filling the newsletter, not a
 * newsletter with few sources from filling up), grouped under their source: sections ordered by their
 * best story, stories by rank.
 */
final class Grouping {

    private Grouping() {
    }

    static List<Section> sections(List<Story> ranked, int maxItems, int perGroup) {
        Map<String, List<Story>> groups = new LinkedHashMap<>(); // first seen = best story first
        List<Story> overCap = new ArrayList<>();
        int taken = 0;
        for (Story story : ranked) {
            if (taken == maxItems) {
                break;
            }
            List<Story> group = groups.computeIfAbsent(story.group(), g -> new ArrayList<>());
            if (group.size() < perGroup) {
                group.add(story);
                taken++;
            } else {
                overCap.add(story);
            }
        }
        for (Story story : overCap) { // still room: the capped sources' next best, in rank order
            if (taken == maxItems) {
                break;
            }
            groups.get(story.group()).add(story);
            taken++;
        }
        List<Section> sections = new ArrayList<>();
        groups.forEach((heading, stories) -> {
            if (!stories.isEmpty()) {
                sections.add(new Section(heading, stories));
            }
        });
        return sections;
    }
}
