package dev.pulse.api.workspace;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * workspaces, their members and the users behind them, with plain SQL. Users are whoever holds a valid
 * token; a row is made the first time one is needed (a workspace's creator, a new member), with the
 * token's email where it has one.
 */
@Repository
class WorkspaceRepository {

    private final JdbcClient db;

    WorkspaceRepository(JdbcClient db) {
        this.db = db;
    }

    void ensureUser(UUID id, String email) {
        db.sql("insert into users (id, email) values (?, ?) on conflict do nothing")
                .params(id, email != null ? email : id + "@users.pulse.invalid")
                .update();
    }

    void insert(UUID id, String name, UUID createdBy) {
        db.sql("insert into workspaces (id, name, created_by) values (?, ?, ?)").params(id, name, createdBy).update();
    }

    List<Workspace> ofMember(UUID userId) {
        return db.sql("""
                select w.id, w.name, m.role, w.created_at from workspaces w
                join workspace_members m on m.workspace_id = w.id
                where m.user_id = ? order by w.created_at, w.id""")
                .param(userId).query(Workspace.class).list();
    }

    Optional<Workspace> find(UUID id, UUID memberId) {
        return db.sql("""
                select w.id, w.name, m.role, w.created_at from workspaces w
                join workspace_members m on m.workspace_id = w.id
                where m.user_id = ? and w.id = ?""")
                .params(memberId, id).query(Workspace.class).optional();
    }

    Optional<MemberRole> roleOf(UUID workspaceId, UUID userId) {
        return db.sql("select role from workspace_members where workspace_id = ? and user_id = ?")
                .params(workspaceId, userId)
                .query(String.class).optional().map(MemberRole::parse);
    }

    List<Member> members(UUID workspaceId) {
        return db.sql("""
                select u.id as user_id, u.email, m.role, m.created_at as joined_at
                from workspace_members m join users u on u.id = m.user_id
                where m.workspace_id = ? order by m.created_at, u.id""")
                .param(workspaceId).query(Member.class).list();
    }

    void putMember(UUID workspaceId, UUID userId, MemberRole role) {
        db.sql("""
                insert into workspace_members (workspace_id, user_id, role) values (?, ?, ?)
                on conflict (workspace_id, user_id) do update set role = excluded.role""")
                .params(workspaceId, userId, role.value()).update();
    }

    boolean removeMember(UUID workspaceId, UUID userId) {
        return db.sql("delete from workspace_members where workspace_id = ? and user_id = ?")
                .params(workspaceId, userId).update() > 0;
    }

    int ownersOtherThan(UUID workspaceId, UUID userId) {
        return db.sql("select count(*) from workspace_members where workspace_id = ? and role = ? and user_id <> ?")
                .params(workspaceId, MemberRole.OWNER.value(), userId).query(Integer.class).single();
    }
}
