package dev.pulse.api.execution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One line of a workspace's activity feed, in the original's shape ({@code id, type, title,
 * description, timestamp, status}), made from one execution: what it did, in words, from the result
 * keys the stages write. {@code job_id} is Pulse's addition, so a client can link to the job.
 */
public record Activity(UUID id, String type, String title, String description, Instant timestamp, String status,
        UUID jobId) {

    public static Activity of(ExecutionView execution) {
        ExecutionStatus status = ExecutionStatus.parse(execution.status());
        String type = switch (status) {
            case PENDING, RUNNING -> "execution_started";
            case COMPLETED, PARTIAL -> "execution_completed";
            case FAILED -> "execution_failed";
            case MISSED -> "run_missed";
        };
        Instant timestamp = first(execution.completedAt(), execution.startedAt(), execution.createdAt());
        return new Activity(execution.id(), type, execution.jobName() + ": " + words(status), description(execution),
                timestamp, execution.status(), execution.jobId());
    }

    private static String words(ExecutionStatus status) {
        return switch (status) {
            case PENDING -> "run requested";
            case RUNNING -> "running";
            case COMPLETED -> "completed";
            case PARTIAL -> "partly completed";
            case FAILED -> "failed";
            case MISSED -> "run missed";
        };
    }

    private static String description(ExecutionView execution) {
        List<String> parts = new ArrayList<>();
        JsonNode scrape = execution.scrapeResult();
        if (scrape != null && scrape.has("items_count")) {
            parts.add("scraped " + scrape.get("items_count").asInt() + " items");
        }
        JsonNode generate = execution.generateResult();
        if (generate != null && generate.has("newsletter_id")) {
            parts.add("generated a newsletter" + (generate.has("items_count") ? " of " + generate.get("items_count").asInt() + " items" : ""));
        }
        JsonNode send = execution.sendResult();
        if (send != null && send.path("test_mode").asBoolean(false)) {
            parts.add("test mode: not sent");
        } else if (send != null && send.has("sent_count")) {
            parts.add("sent to " + send.get("sent_count").asInt() + " of " + send.path("recipients_count").asInt() + " subscribers");
        }
        if (execution.errorMessage() != null) {
            parts.add(execution.errorMessage());
        }
        if (parts.isEmpty()) {
            parts.add(execution.trigger() + " run" + (execution.testMode() ? " in test mode" : ""));
        }
        String text = String.join("; ", parts);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
