package dev.pulse.api.outbox;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table: messages written with the change they describe, published by the relay. */
@Repository
class OutboxRepository {

    private static final long RELAY_LOCK = 0x50554c5345L; // "PULSE"

    private final JdbcClient db;

    OutboxRepository(JdbcClient db) {
        this.db = db;
    }

    record OutboxRow(long id, String topic, String messageKey, byte[] payload) {
    }

    void insert(String topic, String key, byte[] payload, UUID aggregateId, Long version) {
        db.sql("insert into outbox (topic, message_key, payload, aggregate_id, aggregate_version) values (?, ?, ?, ?, ?)")
                .params(topic, key, payload, aggregateId, version)
                .update();
    }

    /** Whether this transaction is the one relay allowed to publish now (released at its end). */
    boolean lockRelay() {
        return db.sql("select pg_try_advisory_xact_lock(?)").param(RELAY_LOCK).query(Boolean.class).single();
    }

    List<OutboxRow> unpublished(int limit) {
        return db.sql("select id, topic, message_key, payload from outbox where published_at is null order by id limit ?")
                .param(limit).query(OutboxRow.class).list();
    }

    void markPublished(List<OutboxRow> rows) {
        db.sql("update outbox set published_at = now() where id = any(?)")
                .param(rows.stream().map(OutboxRow::id).toArray(Long[]::new))
                .update();
    }

    void removePublishedBeforeADayAgo() {
        db.sql("delete from outbox where published_at < now() - interval '1 day'").update();
    }
}
