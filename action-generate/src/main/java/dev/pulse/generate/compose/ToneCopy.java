package dev.pulse.generate.compose;

import java.util.EnumMap;
import java.util.Map;

import dev.pulse.contracts.messages.Tone;

/** The words around the stories, in the job's tone; the tone changes nothing else. */
final class ToneCopy {

    record Copy(String intro, String outro) {
    }

    private static final Map<Tone, Copy> COPY = new EnumMap<>(Map.of(
            Tone.PROFESSIONAL, new Copy("Here are the %d most notable stories from your sources.",
                    "That is all for this edition. Thank you for reading."),
            Tone.CASUAL, new Copy("Grab a coffee: %d stories worth your time today.",
                    "That's it for now. Catch you next time!"),
            Tone.TECHNICAL, new Copy("%d items selected by engagement and recency from your configured sources.",
                    "End of digest. Sources and ranking are listed with each item."),
            Tone.FRIENDLY, new Copy("Hello! We picked %d stories we think you will enjoy.",
                    "Thanks for reading, and have a lovely day."),
            Tone.HUMOROUS, new Copy("%d stories made the cut. The rest are still arguing in the comments.",
                    "You made it to the end. Your reward: another newsletter, soon."),
            Tone.AUTHORITATIVE, new Copy("The %d stories that matter, ranked.",
                    "These were the essentials. Stay informed."),
            Tone.CONVERSATIONAL, new Copy("So, what happened? Here are %d stories people are talking about.",
                    "What did you think? Until next time.")));

    private ToneCopy() {
    }

    static Copy of(Tone tone, int stories) {
        Copy copy = COPY.get(tone == null ? Tone.PROFESSIONAL : tone);
        return new Copy(String.format(java.util.Locale.ROOT, copy.intro(), stories), copy.outro());
    }
}
