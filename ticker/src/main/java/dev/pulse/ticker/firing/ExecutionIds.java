package dev.pulse.ticker.firing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The execution id of a scheduled run is a name-based UUID of (job, instant): the same run always has
 * the same id, so a duplicate anywhere downstream is recognisable as one.
 */
public final class ExecutionIds {

    private ExecutionIds() {
    }

    public static UUID scheduled(String jobId, Instant instant) {
        return UUID.nameUUIDFromBytes((jobId + "@" + instant.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
    }
}
