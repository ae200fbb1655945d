package dev.pulse.contracts.messages;

/** Where content comes from. */
public enum SourceType {
    /** An RSS (0.9x, 1.0/RDF, 2.0) or Atom feed, by URL. */
    RSS,
    /** An Atom feed, by URL (read exactly like {@link #RSS}). */
    ATOM,
    /** A subreddit listing. */
    REDDIT,
    /** A site or page whose feed is found by autodiscovery. */
    BLOG,
    /** A YouTube channel, read through its public Atom feed. */
    YOUTUBE
}
