package dev.pulse.api.tracker;

import dev.pulse.contracts.messages.Envelope;

/**
 * One pipeline event as the tracker read it (a stage's message, or a {@link ScrapeReport} or
 * {@link GenerateReport}), with where it is on its topic (replay reads it back from there).
 */
record TrackedEvent(Envelope envelope, Object message, String topic, int partition, long offset) {
}
