package dev.pulse.api.tracker;

import dev.pulse.contracts.messages.PulseMessage;

/** One pipeline event as the tracker read it, with where it is on its topic (replay reads it back from there). */
record TrackedEvent(PulseMessage message, String topic, int partition, long offset) {
}
