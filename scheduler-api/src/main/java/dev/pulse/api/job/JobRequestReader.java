package dev.pulse.api.job;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.pulse.api.web.FieldReader;
import dev.pulse.contracts.messages.JobConfig;
import dev.pulse.contracts.messages.Plan;
import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.schedule.ScheduleCalculator;
import tools.jackson.databind.JsonNode;

/** Turns a create or update request into a {@link JobDraft}, or a 400 naming every bad field. */
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

    record Creation(UUID workspaceId, JobDraft draft) {
    }

    Creation forCreate(JsonNode body) {
        FieldReader fields = FieldReader.of(body);
        UUID workspaceId = fields.uuid("workspace_id");
        fields.require("workspace_id", workspaceId);
        JobDraft draft = read(fields, null);
        fields.throwIfInvalid();
        return new Creation(workspaceId, draft);
    }

    /** Fields present replace the current ones; absent fields keep them. */
    JobDraft forUpdate(JsonNode body, JobDraft current) {
        FieldReader fields = FieldReader.of(body);
        JobDraft draft = read(fields, current);
        fields.throwIfInvalid();
        return draft;
    }

    private JobDraft read(FieldReader fields, JobDraft current) {
        String name = fields.has("name") || current == null ? name(fields) : current.name();
        String description = fields.has("description") ? description(fields) : current == null ? null : current.description();
        Schedule schedule = ScheduleReader.read(fields, current == null ? null : current.schedule(), clock.instant(), calculator);
        Plan plan = PlanReader.read(fields, current == null ? null : current.plan());
        JobConfig config = fields.has("config") || current == null ? ConfigReader.read(fields) : current.config();
        return new JobDraft(name, description, schedule, plan, config);
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
