package dev.pulse.generate.compose;

import java.util.List;

/** A group of stories under one heading (their source), best story first. */
public record Section(String heading, List<Story> stories) {

    public Section {
        stories = List.copyOf(stories);
    }
}
