package dev.pulse.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The scheduler API over HTTP, as a client would call it. */
record Api(String baseUrl, String token) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Reply(int status, String body) {
        JsonNode data() {
            return JSON.readTree(body).get("data");
        }
    }

    Reply send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The envelope's data of a call that must succeed. */
    JsonNode call(String method, String path, String body) {
        Reply reply = send(method, path, "application/json", body);
        if (reply.status() < 200 || reply.status() > 202) {
            throw new AssertionError(method + " " + path + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.data();
    }

    /** Polls the execution until {@code done} holds; fails with its last state after {@code timeout}. */
    JsonNode awaitExecution(String executionId, Predicate<JsonNode> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Reply reply = null;
        while (Instant.now().isBefore(deadline)) {
            reply = send("GET", "/api/v1/scheduler/executions/" + executionId, "application/json", null);
            if (reply.status() == 200 && done.test(reply.data())) {
                return reply.data();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Execution " + executionId + " did not get there in " + timeout + ": "
                + (reply == null ? "no answer" : reply.body()));
    }

    static Predicate<JsonNode> status(String status) {
        return execution -> status.equals(execution.get("status").asString());
    }
}
