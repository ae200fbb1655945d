package dev.pulse.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a chaos run shows, from the database and the sink: every execution terminal (a failed one with
 * its reason), every instant from a job's anchor to the pause there (run or recorded missed), the jobs'
 * counters equal to their executions, and each subscriber of every completed run mailed, counted at
 * the sink by recipient and Message-ID (which the send ledger maps to its execution).
 */
final class ChaosCheck {

    /** action-send's documented bound: at most one repeat per SMTP connection in flight at a SIGKILL. */
    private static final int SEND_CONNECTIONS = 4;

    private final JdbcClient db;
    private final PipelineChaos.Settings settings;
    private final List<PipelineChaos.Job> jobs;
    private final Instant pausedAt;

    ChaosCheck(JdbcClient db, PipelineChaos.Settings settings, Collection<PipelineChaos.Job> jobs, Instant pausedAt) {
        this.db = db;
        this.settings = settings;
        this.jobs = List.copyOf(jobs);
        this.pausedAt = pausedAt;
    }

    /** What the run shows, from the database and the sink. */
    record Outcome(long runs, long terminal, long stuck, long completed, long missed, long failed, long partial,
            long mailsExpected, long mailsReceived, long duplicates, long bound, long missing, long lostInstants,
            long counterMismatches, Map<String, Integer> kills, List<String> events, List<String> problems) {

        String line() {
            return String.format(Locale.ROOT, "chaos: runs %d, terminal %d, stuck %d, mails expected %d, received %d, duplicates %d (bound %d), missing %d",
                    runs, terminal, stuck, mailsExpected, mailsReceived, duplicates, bound, missing);
        }
    }

    Outcome against(CountingSmtpSink sink, Map<String, Integer> kills, List<String> events) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> byStatus = new HashMap<>();
        db.sql("select status, count(*) from scheduler_executions group by status")
                .query((rs, i) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();
        long runs = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long stuck = byStatus.getOrDefault("pending", 0L) + byStatus.getOrDefault("running", 0L);
        long failedWithoutReason = db.sql("select count(*) from scheduler_executions where status = 'failed' and error_code is null")
                .query(Long.class).single();
        if (failedWithoutReason > 0) {
            problems.add(failedWithoutReason + " failed runs without a reason");
        }

        // every instant from a job's anchor to the pause is there: run, or recorded as missed
        long lost = 0;
        Duration interval = Duration.ofMinutes(settings.intervalMinutes());
        for (PipelineChaos.Job job : jobs) {
            List<Instant> seen = db.sql("select scheduled_for from scheduler_executions where job_id = ? and trigger = 'schedule'")
                    .param(job.id()).query((rs, i) -> rs.getTimestamp(1).toInstant()).list();
            for (Instant instant = job.anchor(); instant.isBefore(pausedAt.minusSeconds(5)); instant = instant.plus(interval)) {
                // an anchor that had passed when the job was created is not one of its instants
                if (instant.isAfter(job.createdAt()) && !seen.contains(instant)) {
                    lost++;
                    problems.add("job " + job.id() + " lost its instant " + instant);
                }
            }
        }

        // counters against the executions
        long mismatches = db.sql("""
                select count(*) from scheduler_jobs j where
                    j.total_runs <> (select count(*) from scheduler_executions e where e.job_id = j.id and e.status in ('completed', 'partial', 'failed'))
                 or j.successful_runs <> (select count(*) from scheduler_executions e where e.job_id = j.id and e.status = 'completed')
                 or j.failed_runs <> (select count(*) from scheduler_executions e where e.job_id = j.id and e.status = 'failed')""")
                .query(Long.class).single();
        if (mismatches > 0) {
            problems.add(mismatches + " jobs whose counters differ from their executions");
        }

        // each active subscriber of a completed run mailed once, counted at the sink by recipient and Message-ID
        Map<CountingSmtpSink.Delivery, Integer> received = sink.counts();
        Map<UUID, Integer> jobIndex = new HashMap<>();
        int index = 0;
        for (PipelineChaos.Job job : jobs) {
            jobIndex.put(job.id(), index++);
        }
        List<UUID[]> completed = db.sql("select id, job_id from scheduler_executions where status = 'completed'")
                .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
        long expected = (long) completed.size() * settings.subscribers();
        long delivered = 0;
        long missing = 0;
        for (UUID[] run : completed) {
            Map<String, String> messageIds = new HashMap<>();
            db.sql("select lower(email), message_id from deliveries where execution_id = ?").param(run[0])
                    .query((rs, i) -> messageIds.put(rs.getString(1), rs.getString(2))).list();
            int j = jobIndex.get(run[1]);
            for (int r = 0; r < settings.subscribers(); r++) {
                String email = PipelineChaos.email(j, r);
                String messageId = messageIds.get(email);
                int count = messageId == null ? 0 : received.getOrDefault(new CountingSmtpSink.Delivery(email, messageId), 0);
                if (count == 0) {
                    missing++;
                    if (missing <= 20) {
                        problems.add("execution " + run[0] + ": nothing for " + email + (messageId == null ? " (not in its ledger)" : ""));
                    }
                } else {
                    delivered++;
                }
            }
        }
        long duplicates = received.values().stream().mapToLong(count -> count - 1L).sum();
        long bound = (long) SEND_CONNECTIONS * kills.getOrDefault("action-send", 0);
        Outcome outcome = new Outcome(runs, runs - stuck, stuck, byStatus.getOrDefault("completed", 0L), byStatus.getOrDefault("missed", 0L),
                byStatus.getOrDefault("failed", 0L), byStatus.getOrDefault("partial", 0L), expected, delivered, duplicates, bound,
                missing, lost, mismatches, Map.copyOf(kills), List.copyOf(events), problems);
        PipelineChaos.say(String.format(Locale.ROOT, "runs by status %s; kills %s; lost instants %d; counter mismatches %d; mail messages at the sink %d",
                byStatus, kills, lost, mismatches, sink.received()));
        problems.stream().limit(30).forEach(problem -> PipelineChaos.say("problem: " + problem));
        System.out.println(outcome.line());
        return outcome;
    }
}
