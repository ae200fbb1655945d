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

import org.junit.jupiter.api.Test;

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
                            java.net.URI.create(env.get("PULSE_API_URL") + "/api/v1/workspaces/" + env.get("PULSE_WORKSPACE_ID") + "/subscribers"))
                    .header("Authorization", "Bearer " + env.get("PULSE_TOKEN")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(demo.statusCode()).as("the printed token works on the demo workspace").isEqualTo(200);
            assertThat(demo.body()).contains("demo@pulse.local");

            java.net.URI check = java.net.URI.create("http://localhost:" + (settings.firstServicePort() + 2)
                    + "/feeds/preview?url=" + env.get("PULSE_DEMO_FEED_URL"));
            HttpResponse<String> preview = http.send(HttpRequest.newBuilder(check).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(preview.statusCode()).as("the demo feed through the scraper's own client, guard and parser")
                    .isEqualTo(200);
            assertThat(preview.body()).contains("\"feed_title\":\"Pulse demo feed\"", "Outbox pattern in practice");
        }

        for (ServiceProcess service : services) {
            assertThat(ProcessHandle.of(service.pid()).map(ProcessHandle::isAlive).orElse(false))
                    .as("%s still running", service.name()).isFalse();
        }
        assertThatThrownBy(() -> new Socket("localhost", postgresPort).close()).as("PostgreSQL stopped").isInstanceOf(IOException.class);
        assertThat(state.resolve("local.env")).doesNotExist();
        assertThat(state.resolve("pids")).doesNotExist();
    }

    private static Map<String, String> envFile(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.split("=", 2))
                .collect(java.util.stream.Collectors.toMap(kv -> kv[0], kv -> kv[1]));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int freeConsecutivePorts(int count) throws IOException {
        for (int base = 20080; base < 30000; base += count) {
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports");
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket ignored = new ServerSocket(port)) {
                // free
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

}
