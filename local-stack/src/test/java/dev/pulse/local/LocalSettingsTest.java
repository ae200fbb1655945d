package dev.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.pulse.local.LocalSettings.SmtpRelay;
import dev.pulse.local.LocalSettings.SmtpRelay.Tls;

/** How PULSE_SMTP_* choose between the local sink and the user's own server, and what action-send is given. */
class LocalSettingsTest {

    private static final Path HOME = Path.of("/tmp/pulse-home");

    @Test
    void withoutASmtpHostMailGoesToTheLocalSink() {
        LocalSettings settings = LocalSettings.from(HOME, Map.of());
        assertThat(settings.usesSink()).isTrue();
        assertThat(settings.relay()).isNull();
        assertThat(settings.smtpPort()).isEqualTo(2525);
        assertThat(settings.mailViewerUrl()).isEqualTo("http://localhost:8025");
        assertThat(settings.mailEnvironment()).contains(entry("SMTP_HOST", "localhost"), entry("SMTP_PORT", "2525"),
                entry("SMTP_USERNAME", ""), entry("SMTP_PASSWORD", ""), entry("SPRING_MAIL_PROTOCOL", "smtp"),
                entry(SmtpRelay.STARTTLS_ENABLE, "false"));

        LocalSettings moved = LocalSettings.from(HOME, Map.of("PULSE_SMTP_PORT", "3525", "PULSE_MAIL_PORT", "9025"));
        assertThat(moved.usesSink()).as("PULSE_SMTP_PORT alone moves the sink").isTrue();
        assertThat(moved.mailEnvironment()).contains(entry("SMTP_PORT", "3525"));
        assertThat(moved.mailViewerUrl()).isEqualTo("http://localhost:9025");
    }

    @Test
    void aSmtpHostIsUsedWithStartTlsOnPort587ByDefault() {
        LocalSettings settings = LocalSettings.from(HOME, Map.of("PULSE_SMTP_HOST", " smtp.example.org ",
                "PULSE_SMTP_USER", "me@example.org", "PULSE_SMTP_PASSWORD", "s3cret pass"));
        assertThat(settings.usesSink()).isFalse();
        assertThat(settings.relay()).isEqualTo(new SmtpRelay("smtp.example.org", 587, "me@example.org", "s3cret pass", Tls.STARTTLS));
        assertThat(settings.mailEnvironment()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "SMTP_HOST", "smtp.example.org",
                "SMTP_PORT", "587",
                "SMTP_USERNAME", "me@example.org",
                "SMTP_PASSWORD", "s3cret pass",
                "SPRING_MAIL_PROTOCOL", "smtp",
                "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE", "true",
                "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED", "true"));
        assertThat(settings.relay().describe()).isEqualTo("smtp.example.org:587 (STARTTLS, as me@example.org)");
        assertThat(settings.relay().toString()).doesNotContain("s3cret");
    }

    @Test
    void sslIsSmtpsOnPort465UnlessAPortIsGiven() {
        SmtpRelay ssl = SmtpRelay.from(Map.of("PULSE_SMTP_HOST", "mail.example.org", "PULSE_SMTP_TLS", "SSL"));
        assertThat(ssl).isEqualTo(new SmtpRelay("mail.example.org", 465, null, null, Tls.SSL));
        assertThat(ssl.actionSendEnvironment()).contains(entry("SPRING_MAIL_PROTOCOL", "smtps"), entry("SMTP_PORT", "465"),
                        entry(SmtpRelay.STARTTLS_ENABLE, "false"), entry("SMTP_USERNAME", ""), entry("SMTP_PASSWORD", ""))
                .containsKey("SPRING_MAIL_PROPERTIES_MAIL_SMTPS_TIMEOUT");
        assertThat(SmtpRelay.from(Map.of("PULSE_SMTP_HOST", "mail.example.org", "PULSE_SMTP_TLS", "ssl", "PULSE_SMTP_PORT", "2465"))
                .port()).isEqualTo(2465);
    }

    @Test
    void noneIsPlainSmtpOnTheGivenPortForMailpitOrALocalRelay() {
        LocalSettings settings = LocalSettings.from(HOME, Map.of("PULSE_SMTP_HOST", "localhost", "PULSE_SMTP_PORT", "1025",
                "PULSE_SMTP_TLS", "none"));
        assertThat(settings.relay()).isEqualTo(new SmtpRelay("localhost", 1025, null, null, Tls.NONE));
        assertThat(settings.smtpPort()).as("the relay's port is not the sink's").isEqualTo(LocalSettings.SINK_SMTP_PORT);
        assertThat(settings.mailEnvironment()).contains(entry("SMTP_HOST", "localhost"), entry("SMTP_PORT", "1025"),
                entry("SPRING_MAIL_PROTOCOL", "smtp"), entry(SmtpRelay.STARTTLS_ENABLE, "false"),
                entry(SmtpRelay.STARTTLS_REQUIRED, "false"));
        assertThat(settings.relay().describe()).isEqualTo("localhost:1025 (no TLS, no login)");
    }

    @Test
    void mistakesAreToldNotGuessed() {
        assertThatThrownBy(() -> LocalSettings.from(HOME, Map.of("PULSE_SMTP_HOST", "smtp.example.org", "PULSE_SMTP_TLS", "tls")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PULSE_SMTP_TLS must be starttls, ssl or none");
        assertThatThrownBy(() -> LocalSettings.from(HOME, Map.of("PULSE_SMTP_HOST", "smtp.example.org", "PULSE_SMTP_PORT", "587x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PULSE_SMTP_PORT");
        assertThatThrownBy(() -> LocalSettings.from(HOME, Map.of("PULSE_SMTP_USER", "me")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PULSE_SMTP_HOST is not");
        assertThatThrownBy(() -> LocalSettings.from(HOME, Map.of("PULSE_SMTP_HOST", "smtp.example.org", "PULSE_SMTP_PASSWORD", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PULSE_SMTP_USER is not");
    }
}
