package dev.pulse.api.newsletter;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads action-generate's newsletters table (read-only: the API never writes it). */
@Repository
class NewsletterReader {

    private final JdbcClient db;

    NewsletterReader(JdbcClient db) {
        this.db = db;
    }

    Optional<GeneratedNewsletter> forExecution(UUID executionId) {
        return db.sql("""
                SELECT id, execution_id, workspace_id, subject, preheader, item_count, item_ids, llm_used, test_mode,
                       created_at, html_body, text_body
                FROM newsletters WHERE execution_id = ?""")
                .param(executionId)
                .query((rs, n) -> {
                    Array ids = rs.getArray("item_ids");
                    List<UUID> itemIds = ids == null ? List.of() : Arrays.asList((UUID[]) ids.getArray());
                    return new GeneratedNewsletter(rs.getObject("id", UUID.class), executionId,
                            rs.getObject("workspace_id", UUID.class), rs.getString("subject"), rs.getString("preheader"),
                            rs.getInt("item_count"), itemIds, rs.getBoolean("llm_used"), rs.getBoolean("test_mode"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("html_body"), rs.getString("text_body"));
                })
                .optional();
    }

    /** The workspace of an execution the API knows about, whether or not it has a newsletter yet. */
    Optional<UUID> workspaceOfExecution(UUID executionId) {
        return db.sql("SELECT workspace_id FROM scheduler_executions WHERE id = ?").param(executionId)
                .query(UUID.class).optional();
    }
}
