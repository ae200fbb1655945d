package dev.pulse.api.job;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.execution.ExecutionRepository;
import dev.pulse.api.execution.ExecutionStats;
import dev.pulse.api.execution.ExecutionStatus;
import dev.pulse.api.execution.ExecutionView;
import dev.pulse.api.outbox.OutboxWriter;
import dev.pulse.api.web.ApiException;
import dev.pulse.api.workspace.MemberRole;
import dev.pulse.api.workspace.WorkspaceAccess;
import dev.pulse.contracts.messages.Envelope;
import dev.pulse.contracts.messages.JobChanged;
import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.JobSnapshot;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.Schedule;
import dev.pulse.contracts.messages.Trigger;
import dev.pulse.contracts.schedule.ScheduleCalculator;

/**
 * Jobs and what users do to them. Every change bumps the job's version and writes its JobChanged
 * snapshot (or tombstone) to the outbox in the same transaction. Only an active job has a next run.
 */
@Service
public class JobService {

    private final JobRepository jobs;
    private final ExecutionRepository executions;
    private final WorkspaceAccess access;
    private final OutboxWriter outbox;
    private final ScheduleCalculator calculator;
    private final Clock clock;
    private final JobFailureRule failureRule;

    JobService(JobRepository jobs, ExecutionRepository executions, WorkspaceAccess access, OutboxWriter outbox,
            ScheduleCalculator calculator, Clock clock, JobFailureRule failureRule) {
        this.failureRule = failureRule;
        this.jobs = jobs;
        this.executions = executions;
        this.access = access;
        this.outbox = outbox;
        this.calculator = calculator;
        this.clock = clock;
    }

    @Transactional
    public Job create(CurrentUser user, NewJob job) {
        access.require(job.workspaceId(), user, MemberRole.EDITOR, "workspace");
        Instant now = clock.instant();
        try {
            return changed(jobs.insert(UUID.randomUUID(), job, nextRun(job.draft().schedule(), job.status(), now), user.id()), now);
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
    }

    public Job get(CurrentUser user, UUID id) {
        Job job = jobs.find(id).orElseThrow(() -> ApiException.notFound("job"));
        access.require(job.workspaceId(), user, MemberRole.VIEWER, "job");
        return job;
    }

    /** Newest first. */
    public List<Job> list(CurrentUser user, UUID workspaceId) {
        access.require(workspaceId, user, MemberRole.VIEWER, "workspace");
        return jobs.inWorkspace(workspaceId);
    }

    /**
     * Applies {@code edit} to the job as it is now (locked, so two updates never merge into stale
     * fields). A job that stays active is rescheduled from now; one that becomes active too.
     */
    @Transactional
    public Job update(CurrentUser user, UUID id, Function<Job, JobEdit> edit) {
        JobEdit change = edit.apply(locked(user, id, MemberRole.EDITOR));
        Instant now = clock.instant();
        try {
            return changed(jobs.update(id, change, nextRun(change.draft().schedule(), change.status(), now)), now);
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
    }

    @Transactional
    public void delete(CurrentUser user, UUID id) {
        locked(user, id, MemberRole.OWNER);
        jobs.delete(id).ifPresent(lastVersion -> outbox.jobDeleted(id, lastVersion));
    }

    /** Nothing fires from now on. Pausing a paused job changes nothing. */
    @Transactional
    public Job pause(CurrentUser user, UUID id) {
        Job job = locked(user, id, MemberRole.EDITOR);
        return job.status() == JobStatus.PAUSED ? job : changed(jobs.setStatus(id, JobStatus.PAUSED, null), clock.instant());
    }

    /** Fires again from the next instant after now: runs missed while paused are not made up. */
    @Transactional
    public Job resume(CurrentUser user, UUID id) {
        Job job = locked(user, id, MemberRole.EDITOR);
        if (job.status() == JobStatus.ACTIVE) {
            return job;
        }
        Instant now = clock.instant();
        return changed(jobs.setStatus(id, JobStatus.ACTIVE, nextRun(job.definition().schedule(), JobStatus.ACTIVE, now)), now);
    }

    /**
     * Pulse's own stop: a job whose latest runs all failed ({@link JobFailureRule}, 5 by default) gets status {@code failed}, with
     * the reason, and fires no more until a user resumes it. Called by the tracker in its transaction,
     * after it has written the run that may be the last straw; false if the job is not stopped.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean failIfFailedInARow(UUID id) {
        int runs = failureRule.failAfter();
        Optional<Job> job = jobs.findForUpdate(id);
        if (runs < 1 || job.isEmpty() || job.get().status() != JobStatus.ACTIVE) {
            return false;
        }
        List<ExecutionStatus> latest = jobs.latestFinishedRuns(id, runs);
        if (latest.size() < runs || latest.stream().anyMatch(status -> status != ExecutionStatus.FAILED)) {
            return false;
        }
        String last = job.get().lastError();
        String reason = "Stopped by Pulse: the last " + runs + " runs failed" + (last == null ? "" : "; the latest: " + last);
        changed(jobs.setStatus(id, JobStatus.FAILED, null, reason.length() <= 2000 ? reason : reason.substring(0, 1997) + "..."),
                clock.instant());
        return true;
    }

    /** Starts an execution now, outside the schedule: a pending execution and its JobDue, committed together. */
    @Transactional
    public RunStarted runNow(CurrentUser user, UUID id, boolean testMode) {
        Job job = locked(user, id, MemberRole.EDITOR);
        UUID execution = UUID.randomUUID();
        Instant now = clock.instant();
        boolean test = testMode || job.definition().config().testMode();
        executions.insertRequested(execution, id, job.workspaceId(), Trigger.MANUAL, test,
                job.definition().plan().actions(), now);
        Envelope envelope = Envelope.forExecution(execution, Trigger.MANUAL, null, test, id, job.workspaceId(),
                job.definition().plan(), job.definition().config(), now);
        outbox.jobDue(new JobDue(envelope, now, null));
        return RunStarted.pending(execution, id, test);
    }

    public List<ExecutionView> history(CurrentUser user, UUID id, int limit, int offset) {
        get(user, id);
        return executions.history(id, limit, offset);
    }

    public ExecutionStats stats(CurrentUser user, UUID id) {
        get(user, id);
        return executions.stats(id);
    }

    public List<ExecutionView> activities(CurrentUser user, UUID workspaceId, int limit) {
        access.require(workspaceId, user, MemberRole.VIEWER, "workspace");
        return executions.activities(workspaceId, limit);
    }

    private Instant nextRun(Schedule schedule, JobStatus status, Instant now) {
        return status == JobStatus.ACTIVE ? calculator.next(schedule, now) : null;
    }

    private Job locked(CurrentUser user, UUID id, MemberRole minimum) {
        Job job = jobs.findForUpdate(id).orElseThrow(() -> ApiException.notFound("job"));
        access.require(job.workspaceId(), user, minimum, "job");
        return job;
    }

    /**
     * Publishes the job as changed at {@code now}, the instant its next_run_at was computed from: the
     * ticker schedules from the change's time too, so the instant announced is the one that runs even
     * if the change reaches the ticker late.
     */
    private Job changed(Job job, Instant now) {
        JobDraft definition = job.definition();
        outbox.jobChanged(new JobChanged(Envelope.forJob(job.id(), job.workspaceId(), definition.plan(), definition.config(),
                now), job.version(), new JobSnapshot(definition.name(), job.status(), definition.schedule())));
        return job;
    }

    private static ApiException nameTaken() {
        return ApiException.conflict("name", "A job with this name already exists in the workspace");
    }

    /** A run that was asked for: its execution, where it stands, and the original's message about it. */
    public record RunStarted(UUID executionId, UUID jobId, String status, String message, boolean testMode) {

        static RunStarted pending(UUID executionId, UUID jobId, boolean testMode) {
            return new RunStarted(executionId, jobId, ExecutionStatus.PENDING.value(),
                    testMode ? "Job execution started in test mode" : "Job execution started", testMode);
        }
    }
}
