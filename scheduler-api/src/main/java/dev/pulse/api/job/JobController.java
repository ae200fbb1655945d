package dev.pulse.api.job;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.execution.Activity;
import dev.pulse.api.execution.ExecutionStats;
import dev.pulse.api.execution.ExecutionView;
import dev.pulse.api.web.ApiException;
import dev.pulse.api.web.ApiResponse;
import dev.pulse.api.web.FieldReader;
import dev.pulse.contracts.json.MessageCodec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** The sprint's ten scheduler endpoints plus the workspace activity feed, in the original's shapes. */
@RestController
@RequestMapping("/api/v1/scheduler")
@Tag(name = "Scheduler", description = "Scheduled jobs: scrape, generate and send on a schedule")
class JobController {

    static final int MAX_LIMIT = 1000;

    private final JobService jobs;
    private final JobRequestReader requests;
    private final MessageCodec codec;

    JobController(JobService jobs, JobRequestReader requests, MessageCodec codec) {
        this.jobs = jobs;
        this.requests = requests;
        this.codec = codec;
    }

    record JobList(List<JobView> jobs, int count, UUID workspaceId) {
    }

    /** One page of a job's history; {@code next_offset} is absent on the last page. */
    record ExecutionList(List<ExecutionView> executions, int count, UUID jobId, int offset, Integer nextOffset) {
    }

    record ActivityList(List<Activity> activities, int count, UUID workspaceId) {
    }

    record Deleted(boolean deleted, UUID jobId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a scheduled job (editor)", description = "Defaults as in the original: schedule_time 08:00, "
            + "timezone UTC, actions scrape, generate, send; is_enabled false creates a disabled job.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "Use case 1: daily digest", value = JobExamples.DAILY_DIGEST),
            @ExampleObject(name = "Use case 2: weekly roundup", value = JobExamples.WEEKLY_ROUNDUP),
            @ExampleObject(name = "Use case 3: test mode (generate, don't send)", value = JobExamples.TEST_NEWSLETTER),
            @ExampleObject(name = "Weekdays by cron", value = JobExamples.WEEKDAYS_CRON)}))
    ApiResponse<JobView> create(@AuthenticationPrincipal Jwt jwt, @RequestBody JsonNode body) {
        return ApiResponse.ok(view(jobs.create(CurrentUser.of(jwt), requests.forCreate(body))));
    }

    @GetMapping("/workspaces/{workspace_id}")
    @Operation(summary = "List a workspace's jobs, newest first (viewer)")
    ApiResponse<JobList> list(@AuthenticationPrincipal Jwt jwt, @PathVariable("workspace_id") UUID workspaceId) {
        List<JobView> views = jobs.list(CurrentUser.of(jwt), workspaceId).stream().map(this::view).toList();
        return ApiResponse.ok(new JobList(views, views.size(), workspaceId));
    }

    @GetMapping("/workspaces/{workspace_id}/activities")
    @Operation(summary = "What the workspace's jobs did lately, newest first; limit 1 to 1000 (viewer)")
    ApiResponse<ActivityList> activities(@AuthenticationPrincipal Jwt jwt,
            @PathVariable("workspace_id") UUID workspaceId, @RequestParam(defaultValue = "10") int limit) {
        List<Activity> activities = jobs.activities(CurrentUser.of(jwt), workspaceId, checked(limit)).stream()
                .map(Activity::of).toList();
        return ApiResponse.ok(new ActivityList(activities, activities.size(), workspaceId));
    }

    @GetMapping("/{job_id}")
    @Operation(summary = "Get a job (viewer)")
    ApiResponse<JobView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable("job_id") UUID id) {
        return ApiResponse.ok(view(jobs.get(CurrentUser.of(jwt), id)));
    }

    @PutMapping("/{job_id}")
    @Operation(summary = "Update a job; fields left out keep their value; status or is_enabled change whether it runs (editor)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "Move to 07:30, friendlier", value = JobExamples.UPDATE),
            @ExampleObject(name = "Disable", value = JobExamples.DISABLE)}))
    ApiResponse<JobView> update(@AuthenticationPrincipal Jwt jwt, @PathVariable("job_id") UUID id, @RequestBody JsonNode body) {
        return ApiResponse.ok(view(jobs.update(CurrentUser.of(jwt), id, current -> requests.forUpdate(body, current))));
    }

    @DeleteMapping("/{job_id}")
    @Operation(summary = "Delete a job and its history (owner)")
    ApiResponse<Deleted> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable("job_id") UUID id) {
        jobs.delete(CurrentUser.of(jwt), id);
        return ApiResponse.ok(new Deleted(true, id));
    }

    @PostMapping("/{job_id}/pause")
    @Operation(summary = "Pause: nothing fires from now on (editor)")
    ApiResponse<JobView> pause(@AuthenticationPrincipal Jwt jwt, @PathVariable("job_id") UUID id) {
        return ApiResponse.ok(view(jobs.pause(CurrentUser.of(jwt), id)));
    }

    @PostMapping("/{job_id}/resume")
    @Operation(summary = "Resume: the next run is the next instant after now (editor)")
    ApiResponse<JobView> resume(@AuthenticationPrincipal Jwt jwt, @PathVariable("job_id") UUID id) {
        return ApiResponse.ok(view(jobs.resume(CurrentUser.of(jwt), id)));
    }

    @PostMapping("/{job_id}/run-now")
    @Operation(summary = "Run the job now; test_mode generates without sending to subscribers (editor)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "Test run", value = JobExamples.RUN_NOW_TEST)}))
    ApiResponse<JobService.RunStarted> runNow(@AuthenticationPrincipal Jwt jwt, @PathVariable("job_id") UUID id,
            @RequestBody(required = false) JsonNode body) {
        boolean testMode = false;
        if (body != null && !body.isNull() && !body.isMissingNode()) {
            FieldReader fields = FieldReader.of(body);
            testMode = Boolean.TRUE.equals(fields.bool("test_mode"));
            fields.throwIfInvalid();
        }
        return ApiResponse.ok(jobs.runNow(CurrentUser.of(jwt), id, testMode));
    }

    @GetMapping("/{job_id}/history")
    @Operation(summary = "A job's executions, newest first; limit 1 to 1000, offset from 0; next_offset gives the next page (viewer)")
    ApiResponse<ExecutionList> history(@AuthenticationPrincipal Jwt jwt, @PathVariable("job_id") UUID id,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (offset < 0) {
            throw ApiException.invalid("offset", "must be 0 or more");
        }
        List<ExecutionView> page = jobs.history(CurrentUser.of(jwt), id, checked(limit) + 1, offset);
        List<ExecutionView> executions = page.size() > limit ? page.subList(0, limit) : page;
        return ApiResponse.ok(new ExecutionList(executions, executions.size(), id, offset,
                page.size() > limit ? offset + limit : null));
    }

    @GetMapping("/{job_id}/stats")
    @Operation(summary = "A job's execution statistics (viewer)")
    ApiResponse<ExecutionStats> stats(@AuthenticationPrincipal Jwt jwt, @PathVariable("job_id") UUID id) {
        return ApiResponse.ok(jobs.stats(CurrentUser.of(jwt), id));
    }

    private JobView view(Job job) {
        return JobView.of(job, codec);
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
