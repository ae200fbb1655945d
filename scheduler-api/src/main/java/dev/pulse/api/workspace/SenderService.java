package dev.pulse.api.workspace;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.web.ApiException;

/** A workspace's sender settings: viewers read them, editors replace them. */
@Service
class SenderService {

    private final SenderRepository senders;
    private final WorkspaceAccess access;

    SenderService(SenderRepository senders, WorkspaceAccess access) {
        this.senders = senders;
        this.access = access;
    }

    SenderSettings get(CurrentUser user, UUID workspaceId) {
        access.require(workspaceId, user, MemberRole.VIEWER, "workspace");
        return senders.find(workspaceId).orElseThrow(() -> ApiException.notFound("workspace"));
    }

    @Transactional
    SenderSettings replace(CurrentUser user, UUID workspaceId, SenderSettings settings) {
        access.require(workspaceId, user, MemberRole.EDITOR, "workspace");
        return senders.replace(workspaceId, settings).orElseThrow(() -> ApiException.notFound("workspace"));
    }
}
