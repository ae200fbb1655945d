package dev.pulse.api.subscriber;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** subscribers, read and written with plain SQL. */
@Repository
class SubscriberRepository {

    private static final String COLUMNS = "id, workspace_id, email, name, status, created_at, unsubscribed_at";

    private final JdbcClient db;

    SubscriberRepository(JdbcClient db) {
        this.db = db;
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} if the address is already in the workspace. */
    Subscriber insert(UUID workspaceId, String email, String name) {
        return db.sql("insert into subscribers (id, workspace_id, email, name, status) values (?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(UUID.randomUUID(), workspaceId, email, name, SubscriberStatus.ACTIVE.value())
                .query(Subscriber.class).single();
    }

    /** New addresses only, in one statement; returns how many were added. */
    int insertNew(UUID workspaceId, Collection<SubscriberService.Candidate> candidates) {
        if (candidates.isEmpty()) {
            return 0;
        }
        return db.sql("""
                insert into subscribers (id, workspace_id, email, name, status)
                select u.id, ?, u.email, u.name, ? from unnest(?::uuid[], ?::text[], ?::text[]) as u(id, email, name)
                on conflict do nothing""")
                .params(workspaceId, SubscriberStatus.ACTIVE.value(),
                        candidates.stream().map(c -> UUID.randomUUID()).toArray(UUID[]::new),
                        candidates.stream().map(SubscriberService.Candidate::email).toArray(String[]::new),
                        candidates.stream().map(SubscriberService.Candidate::name).toArray(String[]::new))
                .update();
    }

    /** Oldest first; {@code status} null means any. */
    List<Subscriber> inWorkspace(UUID workspaceId, SubscriberStatus status, int limit, int offset) {
        String wanted = status == null ? null : status.value();
        return db.sql("select " + COLUMNS + " from subscribers where workspace_id = ? and (cast(? as text) is null or status = ?)"
                        + " order by created_at, id limit ? offset ?")
                .params(workspaceId, wanted, wanted, limit, offset).query(Subscriber.class).list();
    }

    boolean delete(UUID workspaceId, UUID subscriberId) {
        return db.sql("delete from subscribers where workspace_id = ? and id = ?").params(workspaceId, subscriberId).update() > 0;
    }

    Optional<String> email(UUID subscriberId) {
        return db.sql("select email from subscribers where id = ?").param(subscriberId).query(String.class).optional();
    }

    /** Active subscribers become unsubscribed; anyone else stays as they are. */
    void unsubscribe(UUID subscriberId) {
        db.sql("update subscribers set status = ?, unsubscribed_at = now() where id = ? and status = ?")
                .params(SubscriberStatus.UNSUBSCRIBED.value(), subscriberId, SubscriberStatus.ACTIVE.value()).update();
    }
}
