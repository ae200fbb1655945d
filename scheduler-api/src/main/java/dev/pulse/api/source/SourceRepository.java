package dev.pulse.api.source;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.pulse.contracts.messages.FeedSource;

/** workspace_sources, with plain SQL. */
@Repository
class SourceRepository {

    private static final String COLUMNS = """
            id, workspace_id, type, name, url, subreddit, sort, time_window, item_limit as "limit", created_by, created_at""";

    private final JdbcClient db;

    SourceRepository(JdbcClient db) {
        this.db = db;
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} if the workspace has this source already. */
    WorkspaceSource insert(UUID workspaceId, FeedSource source, String name, Integer limit, UUID createdBy) {
        return db.sql("insert into workspace_sources (id, workspace_id, type, name, url, subreddit, sort, time_window, item_limit,"
                        + " created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(UUID.randomUUID(), workspaceId, source.type().name().toLowerCase(Locale.ROOT), name, source.url(),
                        source.subreddit(), source.sort(), source.timeWindow(), limit, createdBy)
                .query(WorkspaceSource.class).single();
    }

    /** Oldest first. */
    List<WorkspaceSource> inWorkspace(UUID workspaceId) {
        return db.sql("select " + COLUMNS + " from workspace_sources where workspace_id = ? order by created_at, id")
                .param(workspaceId).query(WorkspaceSource.class).list();
    }

    boolean delete(UUID workspaceId, UUID sourceId) {
        return db.sql("delete from workspace_sources where workspace_id = ? and id = ?").params(workspaceId, sourceId).update() > 0;
    }
}
