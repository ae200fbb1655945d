package dev.pulse.generate.newsletter;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The newsletters table: one newsletter per execution, the first one kept. */
@Repository
public class NewsletterRepository {

    private static final String COLUMNS = """
            id, execution_id, subject, preheader, html_body, text_body, item_count, item_ids, llm_used,
            llm_output::text AS llm_output, llm_fallback, test_mode, created_at""";

    private final JdbcClient db;

    NewsletterRepository(JdbcClient db) {
        this.db = db;
    }

    public Optional<StoredNewsletter> forExecution(UUID executionId) {
        return db.sql("SELECT " + COLUMNS + " FROM newsletters WHERE execution_id = ?").param(executionId)
                .query(NewsletterRepository::row).optional();
    }

    /** Keeps {@code newsletter} unless one exists for the execution; returns the one kept. */
    public StoredNewsletter keep(StoredNewsletter newsletter, UUID jobId, UUID workspaceId) {
        int kept = db.sql("""
                INSERT INTO newsletters (id, execution_id, job_id, workspace_id, subject, preheader, html_body, text_body,
                                         item_count, item_ids, llm_used, llm_output, llm_fallback, test_mode, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
                ON CONFLICT (execution_id) DO NOTHING""")
                .params(newsletter.id(), newsletter.executionId(), jobId, workspaceId, newsletter.subject(),
                        newsletter.preheader(), newsletter.html(), newsletter.text(), newsletter.itemCount(),
                        newsletter.itemIds().toArray(UUID[]::new), newsletter.llmUsed(), newsletter.llmOutput(),
                        newsletter.llmFallback(), newsletter.testMode(),
                        Timestamp.from(newsletter.createdAt()))
                .update();
        // another delivery of the same input may have kept its own a moment before: that one stands
        return kept == 1 ? newsletter : forExecution(newsletter.executionId()).orElseThrow();
    }

    /** The items the workspace's other newsletters since {@code since} used. */
    public Set<UUID> usedSince(UUID workspaceId, UUID executionId, Instant since) {
        return new HashSet<>(db.sql("""
                SELECT DISTINCT unnest(item_ids) FROM newsletters
                WHERE workspace_id = ? AND execution_id <> ? AND created_at >= ? AND NOT test_mode""")
                .params(workspaceId, executionId, Timestamp.from(since)).query(UUID.class).list());
    }

    private static StoredNewsletter row(ResultSet rs, int n) throws SQLException {
        Array ids = rs.getArray("item_ids");
        List<UUID> itemIds = ids == null ? List.of() : Arrays.asList((UUID[]) ids.getArray());
        return new StoredNewsletter(rs.getObject("id", UUID.class), rs.getObject("execution_id", UUID.class),
                rs.getString("subject"), rs.getString("preheader"), rs.getString("html_body"), rs.getString("text_body"),
                rs.getInt("item_count"), itemIds, rs.getBoolean("llm_used"), rs.getString("llm_output"),
                rs.getString("llm_fallback"), rs.getBoolean("test_mode"),
                rs.getTimestamp("created_at").toInstant());
    }
}
