package dev.pulse.api.job;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.pulse.api.web.FieldReader;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.schedule.ScheduleCalculator;
import tools.jackson.databind.JsonNode;

/**
 * Turns a create or update request into a {@link NewJob} or {@link JobEdit}, or a 400 naming every bad
 * field. Absent fields take the original's defaults on create and keep their value on update.
 */
@Component
class JobRequestReader {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 2000;

    private final ScheduleCalculator calculator;
    private final Clock clock;

    JobRequestReader(ScheduleCalculator calculator, Clock clock) {
        this.calculator = calculator;
        this.clock = clock;
    }

    NewJob forCreate(JsonNode body) {
        FieldReader fields = FieldReader.of(body);
        UUID workspaceId = fields.uuid("workspace_id");
        fields.require("workspace_id", workspaceId);
        JobDraft draft = read(fields, null);
        JobStatus status = status(fields, null);
        fields.throwIfInvalid();
        return new NewJob(workspaceId, draft, status);
    }

    /** Fields present replace the current ones; absent fields keep them. */
    JobEdit forUpdate(JsonNode body, Job current) {
        FieldReader fields = FieldReader.of(body);
        JobDraft draft = read(fields, current.definition());
        JobStatus status = status(fields, current.status());
        fields.throwIfInvalid();
        return new JobEdit(draft, status);
    }

    private JobDraft read(FieldReader fields, JobDraft current) {
        String name = fields.has("name") || current == null ? name(fields) : current.name();
        String description = fields.has("description") ? description(fields) : current == null ? null : current.description();
        Schedule schedule = ScheduleReader.read(fields, current == null ? null : current.schedule(), clock.instant(), calculator);
        Plan plan = PlanReader.read(fields, current == null ? null : current.plan());
        JobConfig config = fields.has("config") || current == null ? ConfigReader.read(fields) : current.config();
        return new JobDraft(name, description, schedule, plan, config);
    }

    /**
     * {@code status} (active, paused, disabled) and the original's {@code is_enabled}, which Pulse keeps
     * equal to "status is active": {@code is_enabled: false} disables an active job and leaves a paused or
     * disabled one as it is; both given must agree. {@code failed} is Pulse's to set, not a user's.
     */
    private static JobStatus status(FieldReader fields, JobStatus current) {
        String text = fields.string("status");
        Boolean enabled = fields.bool("is_enabled");
        JobStatus status = null;
        if (text != null) {
            status = switch (text.toLowerCase(Locale.ROOT)) {
                case "active" -> JobStatus.ACTIVE;
                case "paused" -> JobStatus.PAUSED;
                case "disabled" -> JobStatus.DISABLED;
                default -> {
                    fields.error("status", "must be active, paused or disabled");
                    yield null;
                }
            };
        }
        if (status != null && enabled != null && enabled != (status == JobStatus.ACTIVE)) {
            fields.error("is_enabled", "is true exactly when status is active; they disagree");
        }
        if (status != null || text != null) {
            return status;
        }
        if (enabled != null) {
            boolean keep = current != null && current != JobStatus.ACTIVE && !enabled;
            return enabled ? JobStatus.ACTIVE : keep ? current : JobStatus.DISABLED;
        }
        return current == null ? JobStatus.ACTIVE : current;
    }

    private static String name(FieldReader fields) {
        String name = fields.string("name");
        fields.require("name", name);
        if (name != null && (name.isBlank() || name.length() > MAX_NAME)) {
            fields.error("name", "must be 1 to " + MAX_NAME + " characters and not blank");
        }
        return name;
    }

    private static String description(FieldReader fields) {
        String description = fields.string("description");
        if (description != null && description.length() > MAX_DESCRIPTION) {
            fields.error("description", "at most " + MAX_DESCRIPTION + " characters");
        }
        return description;
    }
}
