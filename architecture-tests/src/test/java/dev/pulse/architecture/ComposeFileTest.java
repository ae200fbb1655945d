package dev.pulse.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml runs the whole system: the infrastructure, and every service from its own Dockerfile. */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    static List<ServiceModule> services() {
        return ServiceModule.ALL;
    }

    @Test
    void runsTheInfrastructure() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        assertThat((String) services.get("kafka").get("image")).startsWith("apache/kafka:4.1.");
        assertThat(env(services.get("kafka"))).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat((String) services.get("postgres").get("image")).startsWith("postgres:");
        assertThat((String) services.get("kafka-ui").get("image")).startsWith("ghcr.io/kafbat/kafka-ui:");
        assertThat(env(services.get("kafka-ui"))).containsEntry("KAFKA_CLUSTERS_0_BOOTSTRAPSERVERS", "kafka:9092");
        assertThat((String) services.get("mailpit").get("image")).startsWith("axllent/mailpit:");
        assertThat(build(services.get("migrate"))).containsEntry("dockerfile", "migrations/Dockerfile");
        assertThat(Path.of("..", "migrations", "Dockerfile")).exists();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyServiceHasAContainerBuiltFromItsDockerfile(ServiceModule module) throws IOException {
        Map<String, Object> service = composeServices().get(module.artifactId());
        assertThat(service).as("compose service %s", module).isNotNull();
        assertThat(build(service)).containsEntry("dockerfile", module.artifactId() + "/Dockerfile");
        assertThat(Path.of("..", module.artifactId(), "Dockerfile")).exists();
        assertThat(Files.readString(Path.of("..", module.artifactId(), "Dockerfile")))
                .contains("-pl " + module.artifactId() + " ");
        assertThat(env(service)).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092").containsKey("SERVER_PORT");
    }

    /** No secret has a default: compose must be given them, and .env.example says how. */
    @Test
    void theSecretsAreRequiredFromTheEnvironment() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();
        assertThat((String) env(services.get("scheduler-api")).get("PULSE_JWT_SECRET")).startsWith("${PULSE_JWT_SECRET:?");
        for (String service : List.of("scheduler-api", "action-send")) {
            assertThat((String) env(services.get(service)).get("PULSE_UNSUBSCRIBE_SECRET"))
                    .as(service).startsWith("${PULSE_UNSUBSCRIBE_SECRET:?");
        }
        assertThat(Files.readString(Path.of("..", ".env.example"))).contains("PULSE_JWT_SECRET=", "PULSE_UNSUBSCRIBE_SECRET=");
    }

    /** The real validator, where it is installed (Debian's docker-compose package; no engine needed). */
    @Test
    void dockerComposeAcceptsTheFileOnlyWithItsSecrets() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed");
        Map<String, String> secrets = Map.of("PULSE_JWT_SECRET", "x".repeat(40), "PULSE_UNSUBSCRIBE_SECRET", "y".repeat(40));
        Process valid = compose(secrets);
        assertThat(valid.exitValue()).as(new String(valid.getInputStream().readAllBytes())).isZero();
        Process withoutSecrets = compose(Map.of());
        assertThat(withoutSecrets.exitValue()).isNotZero();
        assertThat(new String(withoutSecrets.getInputStream().readAllBytes())).contains("PULSE_");
    }

    private static Process compose(Map<String, String> environment) throws Exception {
        // run where no .env is found, so only the given environment counts
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", COMPOSE.toAbsolutePath().toString(),
                "--project-directory", Files.createTempDirectory("compose").toString(), "config", "-q").redirectErrorStream(true);
        builder.environment().remove("PULSE_JWT_SECRET");
        builder.environment().remove("PULSE_UNSUBSCRIBE_SECRET");
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> composeServices() throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE)) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> build(Map<String, Object> service) {
        return (Map<String, Object>) service.get("build");
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
