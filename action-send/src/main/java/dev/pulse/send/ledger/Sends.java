package dev.pulse.send.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sends table and the fixing of a recipient list. A send starts once per newsletter: its row and
 * its whole ledger are written in one transaction, so a send that exists has its full list, and the
 * list is the workspace's active subscribers at that moment.
 */
@Repository
public class Sends {

    private static final String COLUMNS = """
            newsletter_id, execution_id, workspace_id, test_mode, subject, html_body, text_body, from_address, from_name,
            reply_to, started_at, completed_at, outcome->>'recipients' AS recipients, outcome->>'sent' AS sent,
            outcome->>'deferred' AS deferred, outcome->>'bounced' AS bounced, outcome->>'failed' AS failed,
            outcome->>'skipped' AS skipped, outcome->>'ambiguous' AS ambiguous, outcome->>'duration_ms' AS duration_ms""";

    private final JdbcClient db;
    private final TransactionTemplate transaction;

    Sends(JdbcClient db, TransactionTemplate transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    public Optional<SendPlan> of(UUID newsletterId) {
        return db.sql("SELECT " + COLUMNS + " FROM sends WHERE newsletter_id = ?").param(newsletterId).query(Sends::row).optional();
    }

    public Optional<SendPlan> forExecution(UUID executionId) {
        return db.sql("SELECT " + COLUMNS + " FROM sends WHERE execution_id = ?").param(executionId).query(Sends::row).optional();
    }

    /**
     * Starts {@code plan} with its recipients: the job's {@code testEmails} in test mode, else the
     * workspace's active subscribers, each given a Message-ID of its own at {@code messageIdDomain}.
     * Returns the send as kept, which is another's if it had started already.
     */
    public SendPlan start(SendPlan plan, List<String> testEmails, String messageIdDomain) {
        transaction.executeWithoutResult(status -> {
            int started = db.sql("""
                    INSERT INTO sends (newsletter_id, execution_id, workspace_id, test_mode, subject, html_body, text_body,
                                       from_address, from_name, reply_to, inactive)
                    VALUES (:newsletter, :execution, :workspace, :test, :subject, :html, :text, :from, :name, :replyTo,
                            CASE WHEN :test THEN 0 ELSE
                                (SELECT count(*) FROM subscribers WHERE workspace_id = :workspace AND status <> 'active') END)
                    ON CONFLICT DO NOTHING""")
                    .param("newsletter", plan.newsletterId()).param("execution", plan.executionId())
                    .param("workspace", plan.workspaceId()).param("test", plan.testMode()).param("subject", plan.subject())
                    .param("html", plan.html()).param("text", plan.text()).param("from", plan.fromAddress())
                    .param("name", plan.fromName()).param("replyTo", plan.replyTo()).update();
            if (started == 0) {
                return;
            }
            if (plan.testMode()) {
                for (String email : testEmails) {
                    db.sql("""
                            INSERT INTO deliveries (id, newsletter_id, subscriber_id, execution_id, email, message_id)
                            VALUES (md5('delivery/' || :newsletter || '/test/' || lower(:email))::uuid, :newsletter::uuid, NULL,
                                    :execution, :email, '<' || md5(:newsletter || '/test/' || lower(:email))::uuid || '@' || :domain || '>')
                            ON CONFLICT DO NOTHING""")
                            .param("newsletter", plan.newsletterId().toString()).param("execution", plan.executionId())
                            .param("email", email).param("domain", messageIdDomain).update();
                }
            } else {
                db.sql("""
                        INSERT INTO deliveries (id, newsletter_id, subscriber_id, execution_id, email, message_id)
                        SELECT md5('delivery/' || :newsletter || '/' || s.id)::uuid, :newsletterId, s.id, :execution, s.email,
                               '<' || md5(:newsletter || '/' || s.id)::uuid || '@' || :domain || '>'
                        FROM subscribers s WHERE s.workspace_id = :workspace AND s.status = 'active'""")
                        .param("newsletter", plan.newsletterId().toString()).param("newsletterId", plan.newsletterId())
                        .param("execution", plan.executionId()).param("workspace", plan.workspaceId())
                        .param("domain", messageIdDomain).update();
            }
        });
        return of(plan.newsletterId()).orElseThrow();
    }

    /** The owner is still at work: helpers may join. */
    public void heartbeat(UUID newsletterId) {
        db.sql("UPDATE sends SET heartbeat_at = now() WHERE newsletter_id = ? AND completed_at IS NULL").param(newsletterId).update();
    }

    /** The owner has paused (the server is unusable): helpers leave the send alone until it comes back. */
    public void pause(UUID newsletterId) {
        db.sql("UPDATE sends SET heartbeat_at = '-infinity' WHERE newsletter_id = ? AND completed_at IS NULL").param(newsletterId).update();
    }

    /** Sends whose owner was at work within {@code within}: what a helper may join. */
    public List<SendPlan> active(Duration within) {
        return db.sql("SELECT " + COLUMNS + " FROM sends WHERE completed_at IS NULL AND heartbeat_at > now() - ? * interval '1 millisecond'")
                .param(within.toMillis()).query(Sends::row).list();
    }

    /**
     * Closes the send if no row of its ledger is open, counting how it came out; returns the send as
     * kept (completed by this call or an earlier one, or still open).
     */
    public SendPlan complete(UUID newsletterId) {
        db.sql("""
                UPDATE sends SET completed_at = now(), outcome = (
                    SELECT jsonb_build_object(
                        'recipients', count(*) + sends.inactive,
                        'sent', count(*) FILTER (WHERE d.status = 'sent'),
                        'deferred', count(*) FILTER (WHERE d.deferrals > 0),
                        'bounced', count(*) FILTER (WHERE d.status = 'bounced'),
                        'failed', count(*) FILTER (WHERE d.status = 'failed'),
                        'skipped', count(*) FILTER (WHERE d.status = 'skipped') + sends.inactive,
                        'ambiguous', coalesce(sum(d.ambiguous), 0),
                        'duration_ms', (extract(epoch FROM now() - sends.started_at) * 1000)::bigint)
                    FROM deliveries d WHERE d.newsletter_id = sends.newsletter_id)
                WHERE newsletter_id = :newsletter AND completed_at IS NULL AND NOT EXISTS (
                    SELECT 1 FROM deliveries WHERE newsletter_id = :newsletter AND status IN ('pending', 'deferred', 'sending'))""")
                .param("newsletter", newsletterId).update();
        return of(newsletterId).orElseThrow();
    }

    /**
     * A replay of a finished send: the recipients whose 4xx retries ran out get a fresh set of tries and
     * the send is open again. Never one whose message may have arrived (a connection lost after the
     * final dot), a bounce or a sent one. Once per replay input: delivered again, it finds the send
     * already reopened by it. Returns the send as kept.
     */
    public SendPlan reopen(UUID newsletterId, UUID replayInput) {
        db.sql("""
                WITH reopened AS (
                    UPDATE sends SET completed_at = NULL, outcome = NULL, heartbeat_at = now(), reopened_by = :input
                    WHERE newsletter_id = :newsletter AND completed_at IS NOT NULL AND reopened_by IS DISTINCT FROM :input
                      AND EXISTS (SELECT 1 FROM deliveries WHERE newsletter_id = :newsletter AND status = 'failed'
                                  AND smtp_code BETWEEN 400 AND 499 AND ambiguous = 0)
                    RETURNING newsletter_id)
                UPDATE deliveries d SET status = 'pending', attempts = 0, next_attempt_at = now()
                FROM reopened WHERE d.newsletter_id = reopened.newsletter_id AND d.status = 'failed'
                    AND d.smtp_code BETWEEN 400 AND 499 AND d.ambiguous = 0""")
                .param("newsletter", newsletterId).param("input", replayInput).update();
        return of(newsletterId).orElseThrow();
    }

    /** The workspace's newest newsletter (not a test one) that no send has started on. */
    public Optional<UnsentNewsletter> newestUnsent(UUID workspaceId) {
        return db.sql("""
                SELECT n.id, n.subject, n.html_body, n.text_body FROM newsletters n
                WHERE n.workspace_id = ? AND NOT n.test_mode
                  AND NOT EXISTS (SELECT 1 FROM sends s WHERE s.newsletter_id = n.id)
                ORDER BY n.created_at DESC LIMIT 1""")
                .param(workspaceId)
                .query((rs, n) -> new UnsentNewsletter(rs.getObject("id", UUID.class), rs.getString("subject"),
                        rs.getString("html_body"), rs.getString("text_body")))
                .optional();
    }

    /** The workspace's own sender settings, where it has them. */
    public Sender sender(UUID workspaceId, Sender fallback) {
        return db.sql("SELECT sender_email, sender_name, reply_to FROM workspaces WHERE id = ?").param(workspaceId)
                .query((rs, n) -> rs.getString("sender_email") == null
                        ? new Sender(fallback.address(), fallback.name(), rs.getString("reply_to"))
                        : new Sender(rs.getString("sender_email"), rs.getString("sender_name"), rs.getString("reply_to")))
                .optional().orElse(fallback);
    }

    private static SendPlan row(ResultSet rs, int n) throws SQLException {
        SendOutcome outcome = rs.getString("sent") == null ? null
                : new SendOutcome(rs.getInt("recipients"), rs.getInt("sent"), rs.getInt("deferred"), rs.getInt("bounced"),
                        rs.getInt("failed"), rs.getInt("skipped"), rs.getInt("ambiguous"), rs.getLong("duration_ms"));
        return new SendPlan(rs.getObject("newsletter_id", UUID.class), rs.getObject("execution_id", UUID.class),
                rs.getObject("workspace_id", UUID.class), rs.getBoolean("test_mode"), rs.getString("subject"),
                rs.getString("html_body"), rs.getString("text_body"), rs.getString("from_address"), rs.getString("from_name"),
                rs.getString("reply_to"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant(), outcome);
    }

    /** A newsletter a send-only run may pick up. */
    public record UnsentNewsletter(UUID id, String subject, String html, String text) {
    }
}
