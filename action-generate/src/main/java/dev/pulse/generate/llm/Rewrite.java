package dev.pulse.generate.llm;

import java.util.Map;

/** What the model may change: the subject, the intro, and summaries by story number ("1", "2", …). */
public record Rewrite(String subject, String intro, Map<String, String> summaries) {

    public Rewrite {
        summaries = Map.copyOf(summaries);
    }
}
