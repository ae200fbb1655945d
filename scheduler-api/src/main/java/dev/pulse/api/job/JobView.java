package dev.pulse.api.job;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.FeedSource;
import dev.pulse.contracts.messages.Schedule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.StringNode;

/**
 * A job as the API returns it: the original's fields (snake_case), plus Pulse's interval_minutes,
 * anchor_at and version. {@code is_enabled} is always "status is active".
 */
record JobView(
        UUID id,
        UUID workspaceId,
        String name,
        String description,
        String scheduleType,
        String scheduleTime,
        List<String> scheduleDays,
        Long intervalMinutes,
        Instant anchorAt,
        String cronExpression,
        String timezone,
        List<String> actions,
        JsonNode config,
        String status,
        String statusReason,
        boolean isEnabled,
        Instant nextRunAt,
        Instant lastRunAt,
        String lastRunStatus,
        String lastError,
        int totalRuns,
        int successfulRuns,
        int failedRuns,
        long version,
        UUID createdBy,
        Instant createdAt,
        Instant updatedAt) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    static JobView of(Job job, MessageCodec codec) {
        Schedule s = job.definition().schedule();
        return new JobView(job.id(), job.workspaceId(), job.definition().name(), job.definition().description(),
                lower(s.type()), s.time() == null ? null : HH_MM.format(s.time()),
                s.days().stream().map(JobView::lower).toList(),
                s.intervalSeconds() == null ? null : s.intervalSeconds() / 60, s.anchor(), s.cron(), s.timezone().getId(),
                job.definition().plan().actions().stream().map(JobView::lower).toList(),
                config(job, codec), lower(job.status()), job.statusReason(), job.enabled(), job.nextRunAt(),
                job.lastRunAt(), job.lastRunStatus() == null ? null : job.lastRunStatus().value(), job.lastError(), job.totalRuns(), job.successfulRuns(), job.failedRuns(), job.version(), job.createdBy(),
                job.createdAt(), job.updatedAt());
    }

    /** The config as the user wrote it: a type selector is its type's name ("reddit"), as in the original. */
    private static JsonNode config(Job job, MessageCodec codec) {
        JsonNode config = codec.toTree(job.definition().config());
        JsonNode sources = config.path("sources");
        if (sources instanceof ArrayNode array) {
            List<FeedSource> written = job.definition().config().sources();
            for (int i = 0; i < array.size() && i < written.size(); i++) {
                if (written.get(i).isSelector()) {
                    array.set(i, StringNode.valueOf(lower(written.get(i).type())));
                }
            }
        }
        return config;
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
