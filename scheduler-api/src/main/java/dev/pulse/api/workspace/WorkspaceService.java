package dev.pulse.api.workspace;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.web.ApiException;

@Service
public class WorkspaceService {

    private final WorkspaceRepository workspaces;
    private final WorkspaceAccess access;

    WorkspaceService(WorkspaceRepository workspaces, WorkspaceAccess access) {
        this.workspaces = workspaces;
        this.access = access;
    }

    /** Creates a workspace; its creator is its first owner. */
    @Transactional
    public Workspace create(CurrentUser creator, String name) {
        workspaces.ensureUser(creator.id(), creator.email());
        UUID id = UUID.randomUUID();
        workspaces.insert(id, name, creator.id());
        workspaces.putMember(id, creator.id(), MemberRole.OWNER);
        return get(creator, id);
    }

    public List<Workspace> mine(CurrentUser user) {
        return workspaces.ofMember(user.id());
    }

    public Workspace get(CurrentUser user, UUID id) {
        return workspaces.find(id, user.id()).orElseThrow(() -> ApiException.notFound("workspace"));
    }

    public List<Member> members(CurrentUser user, UUID workspaceId) {
        access.require(workspaceId, user, MemberRole.VIEWER, "workspace");
        return workspaces.members(workspaceId);
    }

    /** Adds a member or changes a member's role. */
    @Transactional
    public Member putMember(CurrentUser owner, UUID workspaceId, UUID userId, MemberRole role, String email) {
        access.require(workspaceId, owner, MemberRole.OWNER, "workspace");
        workspaces.ensureUser(userId, email);
        if (role != MemberRole.OWNER) {
            requireAnotherOwner(workspaceId, userId);
        }
        workspaces.putMember(workspaceId, userId, role);
        return workspaces.members(workspaceId).stream().filter(m -> m.userId().equals(userId)).findFirst().orElseThrow();
    }

    @Transactional
    public void removeMember(CurrentUser owner, UUID workspaceId, UUID userId) {
        access.require(workspaceId, owner, MemberRole.OWNER, "workspace");
        requireAnotherOwner(workspaceId, userId);
        if (!workspaces.removeMember(workspaceId, userId)) {
            throw ApiException.notFound("member");
        }
    }

    /** A workspace always keeps an owner: the last one can be neither removed nor demoted. */
    private void requireAnotherOwner(UUID workspaceId, UUID leaving) {
        boolean leavingIsOwner = workspaces.roleOf(workspaceId, leaving).filter(r -> r == MemberRole.OWNER).isPresent();
        if (leavingIsOwner && workspaces.ownersOtherThan(workspaceId, leaving) == 0) {
            throw ApiException.conflict("user_id", "A workspace needs an owner: add another owner first");
        }
    }
}
