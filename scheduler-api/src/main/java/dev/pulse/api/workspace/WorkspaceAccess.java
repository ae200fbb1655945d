package dev.pulse.api.workspace;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.web.ApiException;

/**
 * The one place roles are checked. Someone who is not a member gets 404 for anything in the workspace
 * (they cannot even learn it exists); a member whose role is too low gets 403.
 */
@Component
public class WorkspaceAccess {

    private final WorkspaceRepository workspaces;

    WorkspaceAccess(WorkspaceRepository workspaces) {
        this.workspaces = workspaces;
    }

    /** The caller's role, if it is at least {@code minimum}; otherwise 404 (not a member) or 403. */
    public MemberRole require(UUID workspaceId, CurrentUser user, MemberRole minimum, String thing) {
        MemberRole role = workspaces.roleOf(workspaceId, user.id()).orElseThrow(() -> ApiException.notFound(thing));
        if (!role.includes(minimum)) {
            throw ApiException.forbidden("This needs the " + minimum.value() + " role; you are " + role.value());
        }
        return role;
    }
}
