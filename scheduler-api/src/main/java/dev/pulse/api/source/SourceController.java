package dev.pulse.api.source;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.web.ApiException;
import dev.pulse.api.web.ApiResponse;
import dev.pulse.api.web.FieldReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** The feeds a workspace reads; a job's {@code config.sources} picks them by type ("reddit", "rss", …). */
@RestController
@RequestMapping("/api/v1/workspaces/{workspace_id}/sources")
@Tag(name = "Sources", description = "A workspace's feeds: rss, atom, reddit, blog, youtube")
class SourceController {

    private final SourceService sources;

    SourceController(SourceService sources) {
        this.sources = sources;
    }

    record SourceList(List<WorkspaceSource> sources, int count, UUID workspaceId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a source (editor); x is refused, it needs paid API credentials")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "RSS or Atom feed", value = "{\"type\": \"rss\", \"url\": \"https://hnrss.org/frontpage\", \"name\": \"Hacker News\"}"),
            @ExampleObject(name = "Subreddit", value = "{\"type\": \"reddit\", \"subreddit\": \"MachineLearning\", \"sort\": \"top\", \"time_window\": \"day\", \"limit\": 25}"),
            @ExampleObject(name = "Blog (feed found by autodiscovery)", value = "{\"type\": \"blog\", \"url\": \"https://martinfowler.com\"}"),
            @ExampleObject(name = "YouTube channel", value = "{\"type\": \"youtube\", \"channel\": \"@GoogleDevelopers\"}")}))
    ApiResponse<WorkspaceSource> add(@AuthenticationPrincipal Jwt jwt, @PathVariable("workspace_id") UUID workspaceId,
            @RequestBody JsonNode body) {
        FieldReader fields = FieldReader.of(body);
        String name = fields.string("name");
        if (name != null && (name.isBlank() || name.length() > 200)) {
            fields.error("name", "must be 1 to 200 characters");
        }
        Integer limit = fields.integer("limit", 1, 100);
        fields.require("type", fields.string("type"));
        fields.throwIfInvalid();
        SourceReader.Read read = SourceReader.read(body);
        if (read.error() != null) {
            throw ApiException.invalid(field(body, read.error()), read.error());
        }
        return ApiResponse.ok(sources.add(CurrentUser.of(jwt), workspaceId, read.source(), name, limit));
    }

    @GetMapping
    @Operation(summary = "The workspace's sources, oldest first (viewer)")
    ApiResponse<SourceList> list(@AuthenticationPrincipal Jwt jwt, @PathVariable("workspace_id") UUID workspaceId) {
        List<WorkspaceSource> all = sources.list(CurrentUser.of(jwt), workspaceId);
        return ApiResponse.ok(new SourceList(all, all.size(), workspaceId));
    }

    @DeleteMapping("/{source_id}")
    @Operation(summary = "Remove a source (editor); jobs that pick its type read the others from the next run")
    ApiResponse<Void> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable("workspace_id") UUID workspaceId,
            @PathVariable("source_id") UUID sourceId) {
        sources.remove(CurrentUser.of(jwt), workspaceId, sourceId);
        return ApiResponse.ok(null);
    }

    /** The request field an error is about: the first word of the reader's message, if it names one. */
    private static String field(JsonNode body, String error) {
        for (String candidate : List.of("type", "url", "subreddit", "sort", "time_window", "channel")) {
            if (error.startsWith(candidate + " ")) {
                return candidate.equals("channel") && !body.hasNonNull("channel") ? "url" : candidate;
            }
        }
        return "type";
    }
}
