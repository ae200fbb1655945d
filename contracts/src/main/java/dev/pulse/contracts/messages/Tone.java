package dev.pulse.contracts.messages;

/** The voice a generated newsletter is written in. */
public enum Tone {
    PROFESSIONAL,
    CASUAL,
    TECHNICAL,
    FRIENDLY,
    HUMOROUS,
    AUTHORITATIVE,
    CONVERSATIONAL
}
