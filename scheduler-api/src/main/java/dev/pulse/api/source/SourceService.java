package dev.pulse.api.source;

import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.web.ApiException;
import dev.pulse.api.workspace.MemberRole;
import dev.pulse.api.workspace.WorkspaceAccess;
import dev.pulse.contracts.messages.FeedSource;

/** A workspace's sources: viewers read them, editors add and remove them. */
@Service
class SourceService {

    private final SourceRepository sources;
    private final WorkspaceAccess access;

    SourceService(SourceRepository sources, WorkspaceAccess access) {
        this.sources = sources;
        this.access = access;
    }

    @Transactional
    WorkspaceSource add(CurrentUser user, UUID workspaceId, FeedSource source, String name, Integer limit) {
        access.require(workspaceId, user, MemberRole.EDITOR, "workspace");
        try {
            return sources.insert(workspaceId, source, name, limit, user.id());
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict(source.subreddit() != null ? "subreddit" : "url", "The workspace has this source already");
        }
    }

    List<WorkspaceSource> list(CurrentUser user, UUID workspaceId) {
        access.require(workspaceId, user, MemberRole.VIEWER, "workspace");
        return sources.inWorkspace(workspaceId);
    }

    @Transactional
    void remove(CurrentUser user, UUID workspaceId, UUID sourceId) {
        access.require(workspaceId, user, MemberRole.EDITOR, "workspace");
        if (!sources.delete(workspaceId, sourceId)) {
            throw ApiException.notFound("source");
        }
    }
}
