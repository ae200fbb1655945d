package dev.pulse.api.job;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.pulse.api.web.ApiResponse;
import dev.pulse.api.web.FieldReader;
import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.schedule.ScheduleCalculator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** The next instants of any schedule, so users can check DST days before they commit to one. */
@RestController
@Tag(name = "Scheduler")
class PreviewController {

    static final int MAX_COUNT = 100;

    private final ScheduleCalculator calculator;
    private final Clock clock;

    PreviewController(ScheduleCalculator calculator, Clock clock) {
        this.calculator = calculator;
        this.clock = clock;
    }

    record Preview(String timezone, List<OffsetDateTime> instants) {
    }

    @PostMapping("/api/v1/scheduler/preview")
    @Operation(summary = "The next `count` (1-100) run instants after `from` (default now), with their UTC offsets")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples =
            @ExampleObject(name = "Around spring-forward in New York", value = JobExamples.PREVIEW_DST)))
    ApiResponse<Preview> preview(@RequestBody JsonNode body) {
        FieldReader fields = FieldReader.of(body);
        Integer requested = fields.integer("count", 1, MAX_COUNT);
        Instant from = fields.instant("from");
        Schedule schedule = ScheduleReader.read(fields, null, clock.instant(), calculator);
        fields.throwIfInvalid();
        int count = requested == null ? 10 : requested;
        List<OffsetDateTime> instants = calculator.preview(schedule, from == null ? clock.instant() : from, count).stream()
                .map(instant -> instant.atZone(schedule.timezone()).toOffsetDateTime())
                .toList();
        return ApiResponse.ok(new Preview(schedule.timezone().getId(), instants));
    }
}
