package dev.pulse.api.tracker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.pulse.api.execution.ExecutionStatus;
import dev.pulse.api.job.JobService;
import dev.pulse.contracts.messages.Action;

import dev.pulse.contracts.messages.JobDue;
import dev.pulse.contracts.messages.RunMissed;
import dev.pulse.contracts.messages.Trigger;

/** Folds a batch of events into their executions and jobs, in one transaction. */
@Service
public class ExecutionTracking {

    private final TrackerRepository executions;
    private final JobService jobService;

    ExecutionTracking(TrackerRepository executions, JobService jobService) {
        this.executions = executions;
        this.jobService = jobService;
    }

    /** Returns how many executions were written (those of deleted jobs are not). */
    @Transactional
    public int fold(List<TrackedEvent> events) {
        Map<UUID, List<TrackedEvent>> byExecution = new LinkedHashMap<>();
        for (TrackedEvent event : events) {
            byExecution.computeIfAbsent(event.envelope().executionId(), id -> new ArrayList<>()).add(event);
        }
        executions.lock(byExecution.keySet());
        Map<UUID, TrackerRepository.Stored> stored = executions.load(byExecution.keySet());
        List<ExecutionRow> rows = new ArrayList<>(byExecution.size());
        Map<UUID, JobProgress> jobs = new LinkedHashMap<>();
        for (Map.Entry<UUID, List<TrackedEvent>> execution : byExecution.entrySet()) {
            TrackerRepository.Stored before = stored.get(execution.getKey());
            ExecutionFacts facts = before == null ? ExecutionFacts.empty(execution.getKey()) : before.facts();
            for (TrackedEvent event : execution.getValue()) {
                facts = ExecutionFold.apply(facts, event);
                announce(jobs, event);
            }
            rows.add(ExecutionOutcome.derive(facts));
        }
        List<ExecutionRow> written = executions.write(rows);
        for (ExecutionRow row : written) {
            TrackerRepository.Stored before = stored.get(row.facts().executionId());
            UUID job = row.facts().jobId();
            jobs.put(job, jobs.getOrDefault(job, JobProgress.of(job))
                    .moved(before == null ? null : before.status(), row.status()));
        }
        if (!jobs.isEmpty()) {
            executions.updateJobs(jobs.values());
            stopJobsThatFailedTooOften(jobs.values());
        }
        return written.size();
    }

    /** In job order, as updateJobs locks them, so folds side by side wait for each other instead of deadlocking. */
    private void stopJobsThatFailedTooOften(java.util.Collection<JobProgress> jobs) {
        jobs.stream().filter(job -> job.failed() > 0).map(JobProgress::jobId).sorted()
                .forEach(jobService::failIfFailedInARow);
    }

    /** An execution as it stands, locked for a change (a replay request) in the caller's transaction. */
    public record Current(ExecutionFacts facts, ExecutionStatus status, Action failedStage) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Current> lockForChange(UUID executionId) {
        executions.lock(List.of(executionId));
        TrackerRepository.Stored stored = executions.load(List.of(executionId)).get(executionId);
        if (stored == null || stored.facts().jobId() == null) {
            return Optional.empty();
        }
        ExecutionRow row = ExecutionOutcome.derive(stored.facts());
        return Optional.of(new Current(stored.facts(), row.status(), row.failedStage()));
    }

    /** Writes changed facts of an execution locked by {@link #lockForChange}, and its job's counters. */
    @Transactional(propagation = Propagation.MANDATORY)
    public ExecutionStatus save(Current before, ExecutionFacts after) {
        ExecutionRow row = ExecutionOutcome.derive(after);
        executions.write(List.of(row));
        UUID job = after.jobId();
        executions.updateJobs(List.of(JobProgress.of(job).moved(before.status(), row.status())));
        return row.status();
    }

    /** The ticker's JobDue and RunMissed say which instant comes next: the job's next_run_at. */
    private static void announce(Map<UUID, JobProgress> jobs, TrackedEvent event) {
        UUID job = event.envelope().jobId();
        if (event.message() instanceof JobDue due && due.envelope().trigger() == Trigger.SCHEDULE) {
            jobs.put(job, jobs.getOrDefault(job, JobProgress.of(job)).announced(due.scheduledFor(), due.nextScheduledFor()));
        } else if (event.message() instanceof RunMissed missed) {
            jobs.put(job, jobs.getOrDefault(job, JobProgress.of(job)).announced(missed.scheduledFor(), missed.nextScheduledFor()));
        }
    }
}
