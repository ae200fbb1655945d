package dev.pulse.api.subscriber;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.web.ApiException;
import dev.pulse.api.web.ApiResponse;
import dev.pulse.api.web.FieldReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/workspaces/{workspace_id}/subscribers")
@Tag(name = "Subscribers", description = "Who receives a workspace's newsletters")
class SubscriberController {


    private final SubscriberService subscribers;

    SubscriberController(SubscriberService subscribers) {
        this.subscribers = subscribers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a subscriber (editor)")
    ApiResponse<Subscriber> create(@AuthenticationPrincipal Jwt jwt, @PathVariable("workspace_id") UUID workspaceId,
            @RequestBody JsonNode body) {
        FieldReader fields = FieldReader.of(body);
        String email = fields.string("email");
        fields.require("email", email);
        if (email != null && !EmailAddresses.isValid(email.trim())) {
            fields.error("email", "must be an email address");
        }
        String name = fields.string("name");
        if (name != null && name.length() > 200) {
            fields.error("name", "at most 200 characters");
        }
        fields.throwIfInvalid();
        return ApiResponse.ok(subscribers.create(CurrentUser.of(jwt), workspaceId, email.trim(), name));
    }

    @GetMapping
    @Operation(summary = "List subscribers, optionally by status (viewer)")
    ApiResponse<List<Subscriber>> list(@AuthenticationPrincipal Jwt jwt, @PathVariable("workspace_id") UUID workspaceId,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        SubscriberStatus wanted = status == null ? null : SubscriberStatus.parse(status)
                .orElseThrow(() -> ApiException.invalid("status", "must be active, unsubscribed or bounced"));
        if (limit < 1 || limit > 1000) {
            throw ApiException.invalid("limit", "must be between 1 and 1000");
        }
        if (offset < 0) {
            throw ApiException.invalid("offset", "must be 0 or more");
        }
        return ApiResponse.ok(subscribers.list(CurrentUser.of(jwt), workspaceId, wanted, limit, offset));
    }

    @DeleteMapping("/{subscriber_id}")
    @Operation(summary = "Remove a subscriber (editor)")
    ApiResponse<Void> delete(@AuthenticationPrincipal Jwt jwt, @PathVariable("workspace_id") UUID workspaceId,
            @PathVariable("subscriber_id") UUID subscriberId) {
        subscribers.delete(CurrentUser.of(jwt), workspaceId, subscriberId);
        return ApiResponse.ok(null);
    }

    @PostMapping(path = "/import", consumes = "application/json")
    @Operation(summary = "Import a JSON list of addresses or {email, name} objects (editor)")
    ApiResponse<ImportReport> importJson(@AuthenticationPrincipal Jwt jwt, @PathVariable("workspace_id") UUID workspaceId,
            @RequestBody JsonNode body) {
        if (!body.isArray()) {
            throw ApiException.invalid("body", "must be a JSON array of addresses or {email, name} objects");
        }
        List<SubscriberService.Candidate> candidates = new ArrayList<>();
        int row = 0;
        for (JsonNode element : body) {
            row++;
            if (element.isString()) {
                candidates.add(new SubscriberService.Candidate(row, element.asString(), null));
            } else {
                candidates.add(new SubscriberService.Candidate(row, element.path("email").asString(null),
                        element.path("name").asString(null)));
            }
        }
        return ApiResponse.ok(subscribers.importAll(CurrentUser.of(jwt), workspaceId, candidates));
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    @Operation(summary = "Import CSV: email[,name] per line, an optional header line (editor)")
    ApiResponse<ImportReport> importCsv(@AuthenticationPrincipal Jwt jwt, @PathVariable("workspace_id") UUID workspaceId,
            @RequestBody String csv) {
        List<SubscriberService.Candidate> candidates = new ArrayList<>();
        String[] lines = csv.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            List<String> cells = CsvLine.parse(lines[i]);
            if (cells.isEmpty() || (i == 0 && cells.get(0).trim().toLowerCase(Locale.ROOT).equals("email"))) {
                continue;
            }
            candidates.add(new SubscriberService.Candidate(i + 1, cells.get(0), cells.size() > 1 ? cells.get(1) : null));
        }
        return ApiResponse.ok(subscribers.importAll(CurrentUser.of(jwt), workspaceId, candidates));
    }
}
