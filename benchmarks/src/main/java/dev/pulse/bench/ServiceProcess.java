package dev.pulse.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Pulse service as its own process, so it can be measured (RSS, CPU, metrics) and killed (SIGKILL). */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.E]+)");

    private final String name;
    private final Path jar;
    private final Map<String, String> env;
    private final Path stateDir;
    private final String heap;
    private Process process;
    private int port;

    private ServiceProcess(String name, Path jar, Map<String, String> env, String heap) throws IOException {
        this.name = name;
        this.jar = jar;
        this.env = env;
        this.heap = heap;
        this.stateDir = Files.createTempDirectory("bench-" + name + "-");
    }

    static ServiceProcess ticker(Path jar, String bootstrap, String heap) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("TICKER_STREAM_THREADS", System.getProperty("bench.tickerThreads", "4"));
        ServiceProcess ticker = new ServiceProcess("ticker", jar, env, heap);
        env.put("TICKER_STATE_DIR", ticker.stateDir.toString());
        return ticker;
    }

    /** Any other service: {@code env} is its configuration (Kafka, database, its own settings). */
    static ServiceProcess of(String name, Path jar, Map<String, String> env, String heap) throws IOException {
        return new ServiceProcess(name, jar, new LinkedHashMap<>(env), heap);
    }

    void start() throws IOException, InterruptedException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=128m"));
        String extra = System.getProperty("bench." + name + "JvmOptions", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(stateDir.resolveSibling(stateDir.getFileName() + "-" + port + ".log").toFile());
        // glibc's per-thread malloc arenas inflate RocksDB's resident memory; two are plenty
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        process = builder.start();
        awaitHealthy(Duration.ofSeconds(120));
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** Resident set size of the process, in megabytes. */
    long residentMegabytes() throws IOException {
        return status("VmRSS:");
    }

    /** The most resident memory the process has had so far (its high-water mark), in megabytes. */
    long peakResidentMegabytes() throws IOException {
        return status("VmHWM:");
    }

    private long status(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    int port() {
        return port;
    }

    /** CPU time the service has used so far (user + system), in milliseconds. */
    long cpuMillis() throws IOException {
        return cpuMillis(process.pid());
    }

    /** CPU time process {@code pid} has used so far (user + system), in milliseconds; Linux only. */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    /** CPU time so far of each PostgreSQL process running (the embedded server and its backends), by pid. */
    static Map<Long, Long> postgresCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                .forEach(p -> {
                    try {
                        cpu.put(p.pid(), cpuMillis(p.pid()));
                    } catch (IOException | RuntimeException e) {
                        // the process ended meanwhile
                    }
                });
        return cpu;
    }

    /**
     * PostgreSQL's CPU time since {@code before}: what each process used meanwhile, those started since
     * counted whole. A process that ended meanwhile (an autovacuum worker) is missed, so it is a floor.
     */
    static long postgresCpuSince(Map<Long, Long> before) {
        return postgresCpu().entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
    }

    /** The sum of a metric over its tags, from the actuator. */
    double metric(String name) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/metrics/" + name)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher value = VALUE.matcher(response.body());
        return response.statusCode() == 200 && value.find() ? Double.parseDouble(value.group(1)) : -1;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not become healthy; its log is beside " + stateDir);
    }
}
