package dev.pulse.api.job;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.execution.ExecutionRepository;
import dev.pulse.api.execution.ExecutionStats;
import dev.pulse.api.execution.ExecutionView;
import dev.pulse.api.outbox.OutboxWriter;
import dev.pulse.api.web.ApiException;
import dev.pulse.api.workspace.MemberRole;
import dev.pulse.api.workspace.WorkspaceAccess;
import dev.pulse.contracts.json.MessageCodec;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.JobSnapshot;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.schedule.ScheduleCalculator;
import tools.jackson.databind.JsonNode;

/**
 * Jobs and what users do to them. Every change bumps the job's version and writes its JobChanged
 * snapshot (or tombstone) to the outbox in the same transaction.
 */
@Service
class JobService {

    private final JobRepository jobs;
    private final ExecutionRepository executions;
    private final WorkspaceAccess access;
    private final JobRequestReader requests;
    private final OutboxWriter outbox;
    private final ScheduleCalculator calculator;
    private final MessageCodec codec;
    private final Clock clock;

    JobService(JobRepository jobs, ExecutionRepository executions, WorkspaceAccess access, JobRequestReader requests,
            OutboxWriter outbox, ScheduleCalculator calculator, MessageCodec codec, Clock clock) {
        this.jobs = jobs;
        this.executions = executions;
        this.access = access;
        this.requests = requests;
        this.outbox = outbox;
        this.calculator = calculator;
        this.codec = codec;
        this.clock = clock;
    }

    @Transactional
    JobView create(CurrentUser user, JsonNode body) {
        JobRequestReader.Creation request = requests.forCreate(body);
        access.require(request.workspaceId(), user, MemberRole.EDITOR, "workspace");
        JobDraft draft = request.draft();
        try {
            Job job = jobs.insert(UUID.randomUUID(), request.workspaceId(), draft,
                    calculator.next(draft.schedule(), clock.instant()), user.id());
            return changed(job);
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
    }

    JobView get(CurrentUser user, UUID id) {
        Job job = jobs.find(id).orElseThrow(() -> ApiException.notFound("job"));
        access.require(job.workspaceId(), user, MemberRole.VIEWER, "job");
        return JobView.of(job, codec);
    }

    List<JobView> list(CurrentUser user, UUID workspaceId) {
        access.require(workspaceId, user, MemberRole.VIEWER, "workspace");
        return jobs.inWorkspace(workspaceId).stream().map(job -> JobView.of(job, codec)).toList();
    }

    @Transactional
    JobView update(CurrentUser user, UUID id, JsonNode body) {
        Job current = locked(user, id, MemberRole.EDITOR);
        JobDraft draft = requests.forUpdate(body, current.definition());
        try {
            return changed(jobs.update(id, draft, calculator.next(draft.schedule(), clock.instant())));
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
    }

    @Transactional
    void delete(CurrentUser user, UUID id) {
        locked(user, id, MemberRole.OWNER);
        jobs.delete(id).ifPresent(lastVersion -> outbox.jobDeleted(id, lastVersion));
    }

    /** Nothing fires from now on. Pausing a paused job changes nothing. */
    @Transactional
    JobView pause(CurrentUser user, UUID id) {
        Job job = locked(user, id, MemberRole.EDITOR);
        return job.status() == JobStatus.PAUSED ? JobView.of(job, codec) : changed(jobs.setStatus(id, JobStatus.PAUSED, null));
    }

    /** Fires again from the next instant after now: runs missed while paused are not made up. */
    @Transactional
    JobView resume(CurrentUser user, UUID id) {
        Job job = locked(user, id, MemberRole.EDITOR);
        if (job.status() == JobStatus.ACTIVE) {
            return JobView.of(job, codec);
        }
        Instant next = calculator.next(job.definition().schedule(), clock.instant());
        return changed(jobs.setStatus(id, JobStatus.ACTIVE, next));
    }

    /** Starts an execution now, outside the schedule: a pending execution and its JobDue, committed together. */
    @Transactional
    RunStarted runNow(CurrentUser user, UUID id, boolean testMode) {
        Job job = locked(user, id, MemberRole.EDITOR);
        UUID execution = UUID.randomUUID();
        Instant now = clock.instant();
        boolean test = testMode || job.definition().config().testMode();
        executions.insertRequested(execution, id, job.workspaceId(), Trigger.MANUAL, test,
                job.definition().plan().actions(), now);
        Envelope envelope = Envelope.forExecution(execution, Trigger.MANUAL, null, test, id, job.workspaceId(),
                job.definition().plan(), job.definition().config(), now);
        outbox.jobDue(new JobDue(envelope, now, null));
        return new RunStarted(execution, id, "pending", test);
    }

    List<ExecutionView> history(CurrentUser user, UUID id, int limit) {
        get(user, id);
        return executions.history(id, limit);
    }

    ExecutionStats stats(CurrentUser user, UUID id) {
        get(user, id);
        return executions.stats(id);
    }

    List<ExecutionView> activities(CurrentUser user, UUID workspaceId, int limit) {
        access.require(workspaceId, user, MemberRole.VIEWER, "workspace");
        return executions.activities(workspaceId, limit);
    }

    private Job locked(CurrentUser user, UUID id, MemberRole minimum) {
        Job job = jobs.findForUpdate(id).orElseThrow(() -> ApiException.notFound("job"));
        access.require(job.workspaceId(), user, minimum, "job");
        return job;
    }

    private JobView changed(Job job) {
        outbox.jobChanged(job.id(), job.workspaceId(), job.version(),
                new JobSnapshot(job.definition().name(), job.status(), job.definition().schedule()),
                job.definition().plan(), job.definition().config());
        return JobView.of(job, codec);
    }

    private static ApiException nameTaken() {
        return ApiException.conflict("name", "A job with this name already exists in the workspace");
    }

    record RunStarted(UUID executionId, UUID jobId, String status, boolean testMode) {
    }
}
