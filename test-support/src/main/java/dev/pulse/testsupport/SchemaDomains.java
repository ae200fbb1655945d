package dev.pulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Checks a status enum against the CHECK of the database domain its values are written to, so code
 * and schema cannot drift apart: every constant (lowercased) is accepted, an unknown value is not.
 */
public final class SchemaDomains {

    private static final String CHECK_VIOLATION = "23514";

    private SchemaDomains() {
    }

    public static void assertDomainAcceptsExactly(String domain, Enum<?>[] values) {
        for (Enum<?> value : values) {
            String stored = value.name().toLowerCase(Locale.ROOT);
            assertThat(accepts(domain, stored)).as("domain %s accepts %s", domain, stored).isTrue();
        }
        assertThat(accepts(domain, "no_such_status")).as("domain %s rejects an unknown value", domain).isFalse();
    }

    public static boolean accepts(String domain, String value) {
        try (Connection c = EmbeddedPostgresDatabase.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("select ?::" + domain)) {
            s.setString(1, value);
            s.executeQuery().close();
            return true;
        } catch (SQLException e) {
            if (CHECK_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("Could not check domain " + domain, e);
        }
    }
}
