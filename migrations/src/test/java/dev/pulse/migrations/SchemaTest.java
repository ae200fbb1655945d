package dev.pulse.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.pulse.contracts.messages.Action;
import dev.pulse.contracts.messages.JobStatus;
import dev.pulse.contracts.messages.ScheduleType;
import dev.pulse.contracts.messages.SourceType;
import dev.pulse.contracts.messages.Trigger;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Migrates a real, empty PostgreSQL and checks the constraints the services rely on. */
class SchemaTest {

    private static EmbeddedPostgres postgres;
    private static DataSource db;
    private static MigrateResult firstRun;

    @BeforeAll
    static void migrateFromEmpty() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        db = postgres.getPostgresDatabase();
        firstRun = Migrations.apply(db);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void migratesFromEmptyAndIsIdempotent() {
        assertThat(firstRun.success).isTrue();
        assertThat(firstRun.migrationsExecuted).isGreaterThanOrEqualTo(7);
        assertThat(Migrations.apply(db).migrationsExecuted).isZero();
    }

    @Test
    void everyTableOfTheDesignExists() throws SQLException {
        List<String> tables = strings("select table_name from information_schema.tables where table_schema = 'public'");
        assertThat(tables).contains("users", "workspaces", "workspace_members", "scheduler_jobs",
                "scheduler_executions", "subscribers", "outbox", "feeds", "feed_items", "workspace_feeds", "discovered_feeds", "scrape_results", "newsletters",
                "deliveries");
    }

    @Test
    void everyForeignKeyLeadsAnIndex() throws SQLException {
        // An unindexed foreign key makes every cascade delete scan the child table.
        List<String> unindexed = strings("""
                select c.conrelid::regclass || '.' || a.attname
                from pg_constraint c
                join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
                where c.contype = 'f'
                  and not exists (select 1 from pg_index i
                                  where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])
                """);
        assertThat(unindexed).as("foreign keys without an index leading with them").isEmpty();
    }

    static List<Arguments> sharedEnums() {
        return List.of(
                Arguments.of("job_status", JobStatus.values()),
                Arguments.of("schedule_type", ScheduleType.values()),
                Arguments.of("pipeline_action", Action.values()),
                Arguments.of("execution_trigger", Trigger.values()),
                Arguments.of("source_type", SourceType.values()),
                Arguments.of("week_day", DayOfWeek.values()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedEnums")
    void everyEnumValueOfContractsIsAcceptedAndAnUnknownOneRejected(String domain, Enum<?>[] values) throws SQLException {
        for (Enum<?> value : values) {
            assertThat(accepts(domain, value.name().toLowerCase(Locale.ROOT))).as("%s accepts %s", domain, value).isTrue();
        }
        assertThat(accepts(domain, "unknown")).isFalse();
        assertThat(accepts(domain, values[0].name())).as("values are lowercase").isFalse();
    }

    @Test
    void aJobsStatusAndIsEnabledCannotDisagree() throws SQLException {
        UUID workspace = workspace();
        try (Connection c = db.getConnection()) {
            String insert = """
                    insert into scheduler_jobs (id, workspace_id, name, schedule_type, schedule_time, actions, status, is_enabled)
                    values (?, ?, ?, 'daily', '08:00', '{scrape}', ?, ?)""";
            execute(c, insert, UUID.randomUUID(), workspace, "ok", "paused", false);
            assertThatThrownBy(() -> execute(c, insert, UUID.randomUUID(), workspace, "bad", "paused", true))
                    .hasMessageContaining("scheduler_jobs_enabled_matches_status");
            assertThatThrownBy(() -> execute(c, insert, UUID.randomUUID(), workspace, "ok", "active", true))
                    .hasMessageContaining("scheduler_jobs_name_key");
        }
    }

    @Test
    void aScheduleMustHaveTheFieldsItsTypeNeeds() throws SQLException {
        UUID workspace = workspace();
        try (Connection c = db.getConnection()) {
            assertThatThrownBy(() -> execute(c, """
                    insert into scheduler_jobs (id, workspace_id, name, schedule_type, actions)
                    values (?, ?, 'weekly without days', 'weekly', '{scrape}')""", UUID.randomUUID(), workspace))
                    .hasMessageContaining("scheduler_jobs_schedule_fields");
        }
    }

    @Test
    void aSubscriberIsUniquePerWorkspaceWhateverTheCase() throws SQLException {
        UUID workspace = workspace();
        try (Connection c = db.getConnection()) {
            String insert = "insert into subscribers (id, workspace_id, email) values (?, ?, ?)";
            execute(c, insert, UUID.randomUUID(), workspace, "Ada@Example.org");
            assertThatThrownBy(() -> execute(c, insert, UUID.randomUUID(), workspace, "ada@example.org"))
                    .hasMessageContaining("subscribers_workspace_email_key");
        }
    }

    @Test
    void aFeedsItemIsStoredOnceByKeyAndGoesWithItsFeed() throws SQLException {
        UUID feed = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            String feedRow = "insert into feeds (id, feed_key, source_type) values (?, ?, 'rss')";
            execute(c, feedRow, feed, "https://schema-test.example/" + feed);
            execute(c, feedRow, other, "https://schema-test.example/" + other);
            String item = """
                    insert into feed_items (id, feed_id, item_key, url, title, first_seen_at)
                    values (?, ?, ?, 'https://schema-test.example/a', 'A', now())""";
            execute(c, item, UUID.randomUUID(), feed, "a");
            execute(c, item, UUID.randomUUID(), other, "a");
            assertThatThrownBy(() -> execute(c, item, UUID.randomUUID(), feed, "a")).hasMessageContaining("feed_items_pkey");

            execute(c, "delete from feeds where id = ?", feed);
            assertThat(strings("select feed_id::text from feed_items where feed_id in ('" + feed + "', '" + other + "')"))
                    .containsExactly(other.toString());
        }
    }

    private static UUID workspace() throws SQLException {
        UUID user = UUID.randomUUID();
        UUID workspace = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            execute(c, "insert into users (id, email) values (?, ?)", user, user + "@example.org");
            execute(c, "insert into workspaces (id, name, created_by) values (?, 'w', ?)", workspace, user);
        }
        return workspace;
    }

    private static boolean accepts(String domain, String value) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select ?::" + domain)) {
            s.setString(1, value);
            s.executeQuery().close();
            return true;
        } catch (SQLException e) {
            if ("23514".equals(e.getSQLState())) { // check_violation
                return false;
            }
            throw e;
        }
    }

    private static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.execute();
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
