package dev.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @Test
    void madeOncePerStateDirectoryRandomAndOwnerOnly(@TempDir Path one, @TempDir Path other) throws Exception {
        LocalSecrets first = LocalSecrets.loadOrCreate(one);
        assertThat(first.jwtSecret()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(first.unsubscribeSecret());
        assertThat(LocalSecrets.loadOrCreate(one)).as("kept across restarts").isEqualTo(first);
        assertThat(LocalSecrets.loadOrCreate(other).jwtSecret()).as("another checkout, other secrets").isNotEqualTo(first.jwtSecret());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(one.resolve("secrets.env")))).isEqualTo("rw-------");
    }

    @Test
    void eachServiceGetsOnlyTheSecretsItUses(@TempDir Path state) throws Exception {
        LocalSecrets secrets = LocalSecrets.loadOrCreate(state);
        assertThat(secrets.environmentFor("scheduler-api")).containsOnlyKeys("PULSE_JWT_SECRET", "PULSE_UNSUBSCRIBE_SECRET");
        assertThat(secrets.environmentFor("action-send")).containsOnlyKeys("PULSE_UNSUBSCRIBE_SECRET");
        assertThat(secrets.environmentFor("ticker")).isEmpty();
    }
}
