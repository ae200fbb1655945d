package dev.pulse.api.workspace;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.web.ApiException;

@Service
public class WorkspaceService {

    private final JdbcClient db;
    private final UserDirectory users;
    private final WorkspaceAccess access;

    WorkspaceService(JdbcClient db, UserDirectory users, WorkspaceAccess access) {
        this.db = db;
        this.users = users;
        this.access = access;
    }

    /** Creates a workspace; its creator is its first owner. */
    @Transactional
    public Workspace create(CurrentUser creator, String name) {
        users.ensure(creator);
        UUID id = UUID.randomUUID();
        db.sql("insert into workspaces (id, name, created_by) values (?, ?, ?)").params(id, name, creator.id()).update();
        db.sql("insert into workspace_members (workspace_id, user_id, role) values (?, ?, 'owner')")
                .params(id, creator.id()).update();
        return get(creator, id);
    }

    public List<Workspace> mine(CurrentUser user) {
        return db.sql("""
                select w.id, w.name, m.role, w.created_at from workspaces w
                join workspace_members m on m.workspace_id = w.id
                where m.user_id = ? order by w.created_at, w.id""")
                .param(user.id()).query(Workspace.class).list();
    }

    public Workspace get(CurrentUser user, UUID id) {
        return db.sql("""
                select w.id, w.name, m.role, w.created_at from workspaces w
                join workspace_members m on m.workspace_id = w.id
                where m.user_id = ? and w.id = ?""")
                .params(user.id(), id).query(Workspace.class).optional()
                .orElseThrow(() -> ApiException.notFound("workspace"));
    }

    public List<Member> members(CurrentUser user, UUID workspaceId) {
        access.require(workspaceId, user, MemberRole.VIEWER, "workspace");
        return db.sql("""
                select u.id as user_id, u.email, m.role, m.created_at as joined_at
                from workspace_members m join users u on u.id = m.user_id
                where m.workspace_id = ? order by m.created_at, u.id""")
                .param(workspaceId).query(Member.class).list();
    }

    /** Adds a member or changes a member's role. */
    @Transactional
    public Member putMember(CurrentUser owner, UUID workspaceId, UUID userId, MemberRole role, String email) {
        access.require(workspaceId, owner, MemberRole.OWNER, "workspace");
        users.ensure(userId, email);
        if (role != MemberRole.OWNER) {
            requireAnotherOwner(workspaceId, userId);
        }
        db.sql("""
                insert into workspace_members (workspace_id, user_id, role) values (?, ?, ?)
                on conflict (workspace_id, user_id) do update set role = excluded.role""")
                .params(workspaceId, userId, role.value()).update();
        return members(owner, workspaceId).stream().filter(m -> m.userId().equals(userId)).findFirst().orElseThrow();
    }

    @Transactional
    public void removeMember(CurrentUser owner, UUID workspaceId, UUID userId) {
        access.require(workspaceId, owner, MemberRole.OWNER, "workspace");
        requireAnotherOwner(workspaceId, userId);
        int removed = db.sql("delete from workspace_members where workspace_id = ? and user_id = ?")
                .params(workspaceId, userId).update();
        if (removed == 0) {
            throw ApiException.notFound("member");
        }
    }

    /** A workspace always keeps an owner: the last one can be neither removed nor demoted. */
    private void requireAnotherOwner(UUID workspaceId, UUID leaving) {
        Integer otherOwners = db.sql("""
                select count(*) from workspace_members
                where workspace_id = ? and role = 'owner' and user_id <> ?""")
                .params(workspaceId, leaving).query(Integer.class).single();
        boolean leavingIsOwner = access.roleOf(workspaceId, leaving).filter(r -> r == MemberRole.OWNER).isPresent();
        if (leavingIsOwner && otherOwners == 0) {
            throw ApiException.conflict("user_id", "A workspace needs an owner: add another owner first");
        }
    }
}
