package dev.pulse.api.replay;

import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.web.ApiResponse;
import dev.pulse.api.web.FieldReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** Replays: one execution (its workspace's editors), or one stage's dead letters over a window (operators). */
@RestController
@Tag(name = "Replay")
class ReplayController {

    private final ReplayService replays;

    ReplayController(ReplayService replays) {
        this.replays = replays;
    }

    @PostMapping("/api/v1/scheduler/executions/{execution_id}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Re-run a failed or partial execution from the stage that failed (editor); 409 when it is not failed, "
            + "already replaying, or parked by the loop guard")
    ApiResponse<ReplayService.Replayed> replay(@AuthenticationPrincipal Jwt jwt, @PathVariable("execution_id") UUID id) {
        return ApiResponse.ok(replays.replay(CurrentUser.of(jwt), id));
    }

    @PostMapping("/api/v1/ops/replay")
    @Operation(summary = "Replay a stage's dead letters stamped within [from, to] (operator); dry_run (the default) lists "
            + "what would be replayed and changes nothing")
    ApiResponse<ReplayService.BulkReplay> bulk(@AuthenticationPrincipal Jwt jwt, @RequestBody JsonNode body) {
        FieldReader fields = FieldReader.of(body);
        String topic = fields.string("dead_letter_topic");
        Instant from = fields.instant("from");
        Instant to = fields.instant("to");
        Boolean dryRun = fields.bool("dry_run");
        fields.require("dead_letter_topic", topic);
        fields.require("from", from);
        fields.require("to", to);
        if (from != null && to != null && to.isBefore(from)) {
            fields.error("to", "must not be before from");
        }
        fields.throwIfInvalid();
        return ApiResponse.ok(replays.bulk(topic, from, to, dryRun == null || dryRun, jwt.getSubject()));
    }
}
