package dev.pulse.generate.run;

import java.time.Duration;

/**
 * What a run looks at besides its input: items used by the workspace's newsletters within
 * {@code usedWindow} are left out; a run that starts with generate reads the workspace's stored items
 * within days_back ({@code defaultDaysBack} when the job sets none), at most {@code storedItems}.
 */
public record RunPolicy(Duration usedWindow, int defaultDaysBack, int storedItems) {
}
