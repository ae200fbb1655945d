package dev.pulse.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import dev.pulse.api.auth.TokenMinter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API over real HTTP, as one user (or none) calls it. */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final TokenMinter MINTER = new TokenMinter(TestSecrets.JWT);

    private final int port;
    private final String authorization;
    final UUID user;

    private ApiClient(int port, UUID user, String authorization) {
        this.port = port;
        this.user = user;
        this.authorization = authorization;
    }

    static ApiClient as(int port, UUID user) {
        return new ApiClient(port, user, "Bearer " + MINTER.mint(user, user + "@example.org", Duration.ofHours(1)));
    }

    /** A user whose token also has the operator scope. */
    static ApiClient operator(int port) {
        UUID user = UUID.randomUUID();
        return new ApiClient(port, user, "Bearer " + MINTER.mint(user, user + "@example.org", Duration.ofHours(1), true));
    }

    static ApiClient withAuthorization(int port, String authorization) {
        return new ApiClient(port, null, authorization);
    }

    record Reply(int status, String text, String contentType) {
        JsonNode json() {
            return JSON.readTree(text);
        }

        JsonNode data() {
            return json().get("data");
        }

        String errorCode() {
            return json().path("error").path("code").asString();
        }

        JsonNode details() {
            return json().path("error").path("details");
        }
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply delete(String path) {
        return send(request(path).DELETE());
    }

    Reply post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").POST(body(json)));
    }

    Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(body(json)));
    }

    Reply post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(body(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text);
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
