package dev.pulse.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a fresh local stack starts with, made the way a user would make it: a token for the demo user
 * (from the API's own mint-token command), a "Demo" workspace it owns, 100 subscribers (the demo reader
 * and {@value #READERS} more, imported as CSV), the demo feed as its source, and a daily "Demo digest" job of it.
 * The token has the operator scope, so the walk-through can show lag and bulk replay with it.
 */
final class DemoSeed {

    static final UUID DEMO_USER = UUID.fromString("00000000-0000-4000-8000-0000000de300");
    static final String DEMO_EMAIL = "demo@pulse.local";
    /** Subscribers besides the demo reader: reader001@pulse.local … reader099@pulse.local. */
    static final int READERS = 99;
    static final int SUBSCRIBERS = READERS + 1;
    private static final Pattern IMPORTED = Pattern.compile("\"imported\"\\s*:\\s*(\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Demo(UUID userId, String token, String workspaceId, String jobId) {
    }

    private DemoSeed() {
    }

    static Demo create(Path apiJar, String apiUrl, String jwtSecret, String feedUrl) throws IOException, InterruptedException {
        String token = mintToken(apiJar, jwtSecret);
        String workspace = post(apiUrl + "/api/v1/workspaces", token, "{\"name\": \"Demo\"}");
        post(apiUrl + "/api/v1/workspaces/" + workspace + "/subscribers", token,
                "{\"email\": \"" + DEMO_EMAIL + "\", \"name\": \"Demo reader\"}");
        importReaders(apiUrl + "/api/v1/workspaces/" + workspace + "/subscribers/import", token);
        post(apiUrl + "/api/v1/workspaces/" + workspace + "/sources", token,
                "{\"type\": \"rss\", \"name\": \"Pulse demo feed\", \"url\": \"" + feedUrl + "\"}");
        String job = post(apiUrl + "/api/v1/scheduler", token, "{\"workspace_id\": \"" + workspace + "\", \"name\": \"Demo digest\", "
                + "\"schedule_type\": \"daily\", \"schedule_time\": \"08:00\", \"timezone\": \"UTC\", "
                + "\"config\": {\"sources\": [\"rss\"], \"max_items\": 20, \"days_back\": 1}}");
        return new Demo(DEMO_USER, token, workspace, job);
    }

    static String mintToken(Path apiJar, String jwtSecret) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", apiJar.toString(), "mint-token", DEMO_USER.toString(), DEMO_EMAIL, "P30D",
                "--operator")
                .redirectErrorStream(false);
        builder.environment().put(LocalSecrets.JWT, jwtSecret);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || out.isEmpty()) {
            throw new IllegalStateException("mint-token failed: " + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The other 99 readers in one request, through the API's CSV import; all of them must be imported. */
    private static void importReaders(String url, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(readersCsv())).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher imported = IMPORTED.matcher(response.body());
        if (response.statusCode() != 200 || !imported.find() || Integer.parseInt(imported.group(1)) != READERS) {
            throw new IllegalStateException("Seeding " + url + " failed (expected " + READERS + " imported): "
                    + response.statusCode() + " " + response.body());
        }
    }

    static String readersCsv() {
        StringBuilder csv = new StringBuilder("email,name\n");
        for (int i = 1; i <= READERS; i++) {
            csv.append(readerEmail(i)).append(",Reader ").append(String.format(java.util.Locale.ROOT, "%03d", i)).append('\n');
        }
        return csv.toString();
    }

    static String readerEmail(int number) {
        return String.format(java.util.Locale.ROOT, "reader%03d@pulse.local", number);
    }

    /** POSTs JSON and returns the id of what was created. */
    private static String post(String url, String token, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("Seeding " + url + " failed: " + response.statusCode() + " " + response.body());
        }
        return id.group(1);
    }
}
