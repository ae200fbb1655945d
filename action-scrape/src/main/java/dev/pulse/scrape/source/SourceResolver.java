package dev.pulse.scrape.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.pulse.contracts.messages.FeedSource;
import dev.pulse.contracts.messages.SourceType;

/**
 * A job's {@code config.sources} as the sources a run reads: explicit sources as given, a type name
 * ({@code {"type":"reddit"}}) as the workspace's sources of that type when the run starts, and nothing
 * at all as every source of the workspace. The {@code rss} selector takes Atom sources too, since both
 * are read the same way. A source named twice is read once.
 */
@Component
public class SourceResolver {

    private final JdbcClient db;

    SourceResolver(JdbcClient db) {
        this.db = db;
    }

    public List<ScrapeSource> resolve(UUID workspaceId, List<FeedSource> config) {
        Map<String, ScrapeSource> byName = new LinkedHashMap<>();
        List<ScrapeSource> workspace = null;
        for (FeedSource source : config.isEmpty() ? List.<FeedSource>of() : config) {
            if (source.isSelector()) {
                workspace = workspace == null ? workspaceSources(workspaceId) : workspace;
                for (ScrapeSource own : workspace) {
                    if (own.type() == source.type() || source.type() == SourceType.RSS && own.type() == SourceType.ATOM) {
                        byName.putIfAbsent(own.name(), own);
                    }
                }
            } else {
                ScrapeSource explicit = new ScrapeSource(source.type(), source.url(), source.subreddit(), source.sort(),
                        source.timeWindow(), null);
                byName.putIfAbsent(explicit.name(), explicit);
            }
        }
        if (config.isEmpty()) {
            workspaceSources(workspaceId).forEach(s -> byName.putIfAbsent(s.name(), s));
        }
        return new ArrayList<>(byName.values());
    }

    private List<ScrapeSource> workspaceSources(UUID workspaceId) {
        return db.sql("""
                SELECT type, url, subreddit, sort, time_window, item_limit
                FROM workspace_sources WHERE workspace_id = ? ORDER BY created_at, id""")
                .param(workspaceId)
                .query((rs, n) -> new ScrapeSource(SourceType.valueOf(rs.getString("type").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("url"), rs.getString("subreddit"), rs.getString("sort"), rs.getString("time_window"),
                        (Integer) rs.getObject("item_limit")))
                .list();
    }
}
