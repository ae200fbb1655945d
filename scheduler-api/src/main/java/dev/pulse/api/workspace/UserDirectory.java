package dev.pulse.api.workspace;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.pulse.api.auth.CurrentUser;

/**
 * Users are whoever holds a valid token; a row is made the first time one is needed (a workspace's
 * creator, a new member), with the token's email where it has one.
 */
@Component
class UserDirectory {

    private final JdbcClient db;

    UserDirectory(JdbcClient db) {
        this.db = db;
    }

    void ensure(CurrentUser user) {
        ensure(user.id(), user.email());
    }

    void ensure(UUID id, String email) {
        db.sql("insert into users (id, email) values (?, ?) on conflict do nothing")
                .params(id, email != null ? email : id + "@users.pulse.invalid")
                .update();
    }
}
