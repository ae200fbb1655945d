package dev.pulse.api.workspace;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sender columns of workspaces, with plain SQL. */
@Repository
class SenderRepository {

    private static final String COLUMNS = "sender_email, sender_name, reply_to";

    private final JdbcClient db;

    SenderRepository(JdbcClient db) {
        this.db = db;
    }

    Optional<SenderSettings> find(UUID workspaceId) {
        return db.sql("select " + COLUMNS + " from workspaces where id = ?")
                .param(workspaceId).query(SenderSettings.class).optional();
    }

    /** Replaces all three; a null clears one. Empty if there is no such workspace. */
    Optional<SenderSettings> replace(UUID workspaceId, SenderSettings settings) {
        return db.sql("update workspaces set sender_email = ?, sender_name = ?, reply_to = ? where id = ? returning " + COLUMNS)
                .params(settings.senderEmail(), settings.senderName(), settings.replyTo(), workspaceId)
                .query(SenderSettings.class).optional();
    }
}
