package dev.pulse.send.ledger;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-recipient ledger. A row is claimed before its message is sent (FOR UPDATE SKIP LOCKED, so two
 * instances never take the same row) and its outcome is written the moment the server answers; a
 * claim left by a crashed instance lapses after the lease and the row is claimed again. Every outcome
 * applies only to a row still in 'sending', so a late answer never undoes another instance's.
 */
@Repository
public class Ledger {

    private static final long CAP_LOCK = 0x70756c7365L; // "pulse": one lock for the cap, shared by every instance

    private final JdbcClient db;
    private final TransactionTemplate transaction;

    Ledger(JdbcClient db, TransactionTemplate transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    /**
     * Like {@link #claim}, but never past {@code cap} messages within {@code window}, counting what was
     * sent in it and what is claimed and in flight, by every instance. Instances take turns (an
     * advisory lock for the transaction), so the count and the claim cannot interleave.
     */
    public List<Delivery> claimWithin(int cap, Duration window, UUID newsletterId, UUID claimant, int limit, Duration lease) {
        return transaction.execute(status -> {
            db.sql("SELECT pg_advisory_xact_lock(?)").param(CAP_LOCK).query().singleRow();
            int used = db.sql("""
                    SELECT count(*) FROM deliveries
                    WHERE sent_at > now() - :window * interval '1 millisecond'
                       OR status = 'sending' AND claimed_at > now() - :lease * interval '1 millisecond'""")
                    .param("window", window.toMillis()).param("lease", lease.toMillis()).query(Integer.class).single();
            int allowed = Math.min(limit, cap - used);
            return allowed <= 0 ? List.<Delivery>of() : claim(newsletterId, claimant, allowed, lease);
        });
    }

    /**
     * Claims up to {@code limit} due rows of the newsletter for {@code claimant}. Rows whose subscriber
     * is no longer active are marked skipped instead and not returned.
     */
    public List<Delivery> claim(UUID newsletterId, UUID claimant, int limit, Duration lease) {
        return db.sql("""
                WITH due AS (
                    SELECT d.id, s.status AS subscriber_status FROM deliveries d
                    LEFT JOIN subscribers s ON s.id = d.subscriber_id
                    WHERE d.newsletter_id = :newsletter
                      AND (d.status IN ('pending', 'deferred') AND d.next_attempt_at <= now()
                           OR d.status = 'sending' AND d.claimed_at < now() - :lease * interval '1 millisecond')
                    ORDER BY d.next_attempt_at, d.id
                    LIMIT :limit
                    FOR UPDATE OF d SKIP LOCKED)
                UPDATE deliveries d SET
                    status = CASE WHEN coalesce(due.subscriber_status, 'active') = 'active' THEN 'sending' ELSE 'skipped' END,
                    claimed_by = CASE WHEN coalesce(due.subscriber_status, 'active') = 'active' THEN :claimant END,
                    claimed_at = now(),
                    attempts = d.attempts + CASE WHEN coalesce(due.subscriber_status, 'active') = 'active' THEN 1 ELSE 0 END
                FROM due WHERE d.id = due.id
                RETURNING d.id, d.subscriber_id, d.email, d.message_id, d.attempts, d.status""")
                .param("newsletter", newsletterId).param("claimant", claimant).param("limit", limit)
                .param("lease", lease.toMillis())
                .query((rs, n) -> "sending".equals(rs.getString("status"))
                        ? new Delivery(rs.getObject("id", UUID.class), rs.getObject("subscriber_id", UUID.class),
                                rs.getString("email"), rs.getString("message_id"), rs.getInt("attempts"))
                        : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The server said 250. */
    public void sent(Delivery delivery) {
        db.sql("""
                UPDATE deliveries SET status = 'sent', sent_at = now(), smtp_code = 250, last_error = NULL, claimed_by = NULL
                WHERE id = ? AND status = 'sending'""").param(delivery.id()).update();
    }

    /** A 4xx: try again at {@code next}. */
    public void deferred(Delivery delivery, int code, String reply, Instant next) {
        db.sql("""
                UPDATE deliveries SET status = 'deferred', deferrals = deferrals + 1, smtp_code = ?, last_error = ?,
                    next_attempt_at = ?, claimed_by = NULL
                WHERE id = ? AND status = 'sending'""")
                .params(code, reply, Timestamp.from(next), delivery.id()).update();
    }

    /** A 4xx with no tries left, or a message that cannot be built: given up on this recipient. */
    public void failed(Delivery delivery, int code, String reason, boolean deferral) {
        db.sql("""
                UPDATE deliveries SET status = 'failed', deferrals = deferrals + ?, smtp_code = ?, last_error = ?, claimed_by = NULL
                WHERE id = ? AND status = 'sending'""")
                .params(deferral ? 1 : 0, code == 0 ? null : code, reason, delivery.id()).update();
    }

    /** A 5xx: the address is refused for good, and its subscriber is flagged so later newsletters skip it. */
    public void bounced(Delivery delivery, int code, String reply) {
        db.sql("""
                WITH bounced AS (
                    UPDATE deliveries SET status = 'bounced', smtp_code = ?, last_error = ?, claimed_by = NULL
                    WHERE id = ? AND status = 'sending' RETURNING subscriber_id)
                UPDATE subscribers SET status = 'bounced' FROM bounced
                WHERE subscribers.id = bounced.subscriber_id AND subscribers.status = 'active'""")
                .params(code, reply, delivery.id()).update();
    }

    /**
     * The connection broke before the server answered: the row is due again at once. {@code ambiguous}
     * (after the final dot) is counted, since this may send the message twice.
     */
    public void lost(Delivery delivery, boolean ambiguous, String reason) {
        db.sql("""
                UPDATE deliveries SET status = CASE WHEN deferrals > 0 THEN 'deferred' ELSE 'pending' END,
                    ambiguous = ambiguous + ?, last_error = ?, next_attempt_at = now(), claimed_by = NULL
                WHERE id = ? AND status = 'sending'""")
                .params(ambiguous ? 1 : 0, reason, delivery.id()).update();
    }

    /** The claimant is alive and still working through these rows: their claims start over. */
    public void renew(Collection<Delivery> deliveries, UUID claimant) {
        if (deliveries.isEmpty()) {
            return;
        }
        db.sql("UPDATE deliveries SET claimed_at = now() WHERE id IN (:ids) AND status = 'sending' AND claimed_by = :claimant")
                .param("ids", deliveries.stream().map(Delivery::id).toList()).param("claimant", claimant).update();
    }

    /** Gives claimed rows back untried, due at {@code at}: the attempt does not count. */
    public void release(Collection<Delivery> deliveries, Instant at) {
        if (deliveries.isEmpty()) {
            return;
        }
        db.sql("""
                UPDATE deliveries SET status = CASE WHEN deferrals > 0 THEN 'deferred' ELSE 'pending' END,
                    attempts = greatest(attempts - 1, 0), next_attempt_at = :at, claimed_by = NULL
                WHERE id IN (:ids) AND status = 'sending'""")
                .param("at", Timestamp.from(at)).param("ids", deliveries.stream().map(Delivery::id).toList()).update();
    }

    public Progress progress(UUID newsletterId) {
        return db.sql("""
                SELECT count(*) AS open, min(next_attempt_at) FILTER (WHERE status <> 'sending') AS next_due
                FROM deliveries WHERE newsletter_id = ? AND status IN ('pending', 'deferred', 'sending')""")
                .param(newsletterId)
                .query((rs, n) -> new Progress(rs.getInt("open"),
                        rs.getTimestamp("next_due") == null ? null : rs.getTimestamp("next_due").toInstant()))
                .single();
    }

}
