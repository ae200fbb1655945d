package dev.pulse.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.pulse.testsupport.FreePorts;

/**
 * What {@code ./pulse up} and {@code ./pulse down} do, in this JVM: everything starts against real
 * infrastructure, every service reports UP, and stopping leaves no process and no open port behind.
 * Needs the services' jars, which the reactor builds before this module.
 */
class LocalStackTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsEveryServiceUpAndStopsWithoutLeftovers() throws Exception {
        Path home = Path.of("..").toAbsolutePath().normalize();
        Path state = Path.of("target", "local-stack-test").toAbsolutePath();
        int postgresPort = freePort();
        LocalSettings settings = new LocalSettings(home, state, postgresPort, freePort(), freePort(), freePort(),
                freeConsecutivePorts(5));

        List<ServiceProcess> services;
        try (LocalStack stack = new LocalStack(settings)) {
            assertThat(stack.start()).as("every service UP; logs in %s", state.resolve("logs")).isTrue();
            services = stack.services();
            assertThat(services).extracting(ServiceProcess::name).containsExactly(
                    "scheduler-api", "ticker", "action-scrape", "action-generate", "action-send");
            for (ServiceProcess service : services) {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(service.healthUri()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"kafka\":{").startsWith("{").contains("\"status\":\"UP\"");
            }
            Map<String, String> env = envFile(state.resolve("local.env"));
            assertThat(env).containsKeys("PULSE_API_URL", "KAFKA_BOOTSTRAP_SERVERS", "DB_URL", "DB_USER", "DB_PASSWORD");
            assertThat(env.get("DB_URL")).endsWith(":" + postgresPort + "/postgres");
            assertThat(env).isEqualTo(stack.localEnv());
            assertThat(env.get("PULSE_JWT_SECRET")).as("generated for this stack").hasSizeGreaterThanOrEqualTo(32)
                    .isEqualTo(LocalSecrets.loadOrCreate(state).jwtSecret());

            HttpResponse<String> demo = http.send(HttpRequest.newBuilder(
                            java.net.URI.create(env.get("PULSE_API_URL") + "/api/v1/workspaces/" + env.get("PULSE_WORKSPACE_ID")
                                    + "/subscribers?limit=1000"))
                    .header("Authorization", "Bearer " + env.get("PULSE_TOKEN")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(demo.statusCode()).as("the printed token works on the demo workspace").isEqualTo(200);
            assertThat(demo.body()).contains("\"email\":\"demo@pulse.local\"", "\"name\":\"Demo reader\"",
                    "\"email\":\"reader001@pulse.local\"", "\"email\":\"reader099@pulse.local\"");
            assertThat(Pattern.compile("\"email\":\"[^\"]+@pulse\\.local\"").matcher(demo.body()).results().count())
                    .as("the demo job is one feed, 20 items, 100 subscribers").isEqualTo(100);

            assertThat(env.get("PULSE_MAIL_URL")).isEqualTo("http://localhost:" + settings.mailViewerPort());
            HttpResponse<String> mail = http.send(HttpRequest.newBuilder(java.net.URI.create(env.get("PULSE_MAIL_URL"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(mail.statusCode()).as("the sink's viewer").isEqualTo(200);
            assertThat(mail.body()).contains("Received mail");
            assertThat(stack.summary()).as("the printed output links the received mail")
                    .contains("Received mail", env.get("PULSE_MAIL_URL"), "Subscribers      100");

            java.net.URI check = java.net.URI.create("http://localhost:" + (settings.firstServicePort() + 2)
                    + "/feeds/preview?url=" + env.get("PULSE_DEMO_FEED_URL"));
            HttpResponse<String> preview = http.send(HttpRequest.newBuilder(check).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(preview.statusCode()).as("the demo feed through the scraper's own client, guard and parser")
                    .isEqualTo(200);
            assertThat(preview.body()).contains("\"feed_title\":\"Pulse demo feed\"", "Outbox pattern in practice",
                    "Testing with a real broker, not a mock");
        }

        for (ServiceProcess service : services) {
            assertThat(ProcessHandle.of(service.pid()).map(ProcessHandle::isAlive).orElse(false))
                    .as("%s still running", service.name()).isFalse();
        }
        assertThatThrownBy(() -> new Socket("localhost", postgresPort).close()).as("PostgreSQL stopped").isInstanceOf(IOException.class);
        assertThat(state.resolve("local.env")).doesNotExist();
        assertThat(state.resolve("pids")).doesNotExist();
    }

    /**
     * With PULSE_SMTP_* set, no sink starts and action-send logs in to that server: its health (which ./pulse up
     * waits for) is UP only once Spring's mail settings reach it, and the server sees our user and password.
     */
    @Test
    void withPulseSmtpHostSendsThroughThatServerAndStartsNoSink() throws Exception {
        Path home = Path.of("..").toAbsolutePath().normalize();
        Path state = Path.of("target", "local-stack-relay-test").toAbsolutePath();
        try (FakeRelay relay = new FakeRelay()) {
            LocalSettings.SmtpRelay smtp = LocalSettings.SmtpRelay.from(Map.of("PULSE_SMTP_HOST", "127.0.0.1",
                    "PULSE_SMTP_PORT", Integer.toString(relay.port()), "PULSE_SMTP_USER", "relay-user",
                    "PULSE_SMTP_PASSWORD", "relay-secret", "PULSE_SMTP_TLS", "none"));
            int sinkPort = freePort();
            int viewerPort = freePort();
            LocalSettings settings = new LocalSettings(home, state, freePort(), sinkPort, viewerPort, freePort(),
                    freeConsecutivePorts(5), smtp);
            try (LocalStack stack = new LocalStack(settings)) {
                assertThat(stack.start()).as("every service UP; logs in %s", state.resolve("logs")).isTrue();
                assertThat(relay.logins()).as("action-send logged in to the relay (AUTH PLAIN: authzid, user, password)")
                        .isNotEmpty().allSatisfy(login -> assertThat(login).endsWith("\0relay-user\0relay-secret"));
                for (int port : new int[] {sinkPort, viewerPort}) {
                    assertThatThrownBy(() -> new Socket("localhost", port).close()).as("no sink on %d", port)
                            .isInstanceOf(IOException.class);
                }
                Map<String, String> env = envFile(state.resolve("local.env"));
                assertThat(env).contains(Map.entry("SMTP_HOST", "127.0.0.1"), Map.entry("SMTP_PORT", Integer.toString(relay.port())))
                        .doesNotContainKey("PULSE_MAIL_URL");
                assertThat(String.join("\n", Files.readAllLines(state.resolve("local.env")))).doesNotContain("relay-secret");
                assertThat(stack.summary()).contains("sent through 127.0.0.1:" + relay.port() + " (no TLS, as relay-user)",
                        "not to a local sink").doesNotContain("relay-secret", "Received mail");
            }
        }
    }

    /** Just enough of an SMTP server to take a login (AUTH PLAIN) and a connection check, as a user's relay would. */
    private static final class FakeRelay implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        private final List<String> logins = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread acceptor = new Thread(this::accept, "fake-relay");

        FakeRelay() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        List<String> logins() {
            return logins;
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread connection = new Thread(() -> converse(socket), "fake-relay-connection");
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void converse(Socket socket) {
            try (socket; var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)); var out = socket.getOutputStream()) {
                reply(out, "220 relay.test ESMTP");
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String command = line.toUpperCase(java.util.Locale.ROOT);
                    if (command.startsWith("EHLO")) {
                        reply(out, "250-relay.test\r\n250-AUTH PLAIN\r\n250 8BITMIME");
                    } else if (command.startsWith("AUTH PLAIN")) {
                        String initial = line.substring("AUTH PLAIN".length()).trim();
                        if (initial.isEmpty()) {
                            reply(out, "334 ");
                            initial = in.readLine();
                        }
                        logins.add(new String(java.util.Base64.getDecoder().decode(initial), java.nio.charset.StandardCharsets.UTF_8));
                        reply(out, "235 2.7.0 Authentication successful");
                    } else if (command.startsWith("QUIT")) {
                        reply(out, "221 bye");
                        return;
                    } else if (command.startsWith("HELO") || command.startsWith("NOOP") || command.startsWith("RSET")) {
                        reply(out, "250 OK");
                    } else {
                        reply(out, "502 not here");
                    }
                }
            } catch (IOException | IllegalArgumentException gone) {
                // the client went away
            }
        }

        private static void reply(java.io.OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.split("=", 2))
                .collect(java.util.stream.Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }

    private static int freePort() {
        return FreePorts.one();
    }

    private static int freeConsecutivePorts(int count) {
        return FreePorts.consecutive(count, 20080);
    }
}
