package dev.pulse.api.workspace;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.web.ApiResponse;
import dev.pulse.api.web.FieldReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** Whom a workspace's newsletters are from ({@code sender_email}, {@code sender_name}) and where replies go. */
@RestController
@RequestMapping("/api/v1/workspaces/{workspace_id}/sender")
@Tag(name = "Workspaces")
class SenderController {

    private final SenderService senders;

    SenderController(SenderService senders) {
        this.senders = senders;
    }

    @GetMapping
    @Operation(summary = "The newsletters' From and Reply-To (viewer); nulls mean the service's default From and no Reply-To")
    ApiResponse<SenderSettings> get(@AuthenticationPrincipal Jwt jwt, @PathVariable("workspace_id") UUID workspaceId) {
        return ApiResponse.ok(senders.get(CurrentUser.of(jwt), workspaceId));
    }

    @PutMapping
    @Operation(summary = "Replace the newsletters' From and Reply-To (editor); a field left out or null is cleared")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = {
            @ExampleObject(name = "From and Reply-To", value = "{\"sender_email\": \"news@example.org\", "
                    + "\"sender_name\": \"Example Weekly\", \"reply_to\": \"editors@example.org\"}"),
            @ExampleObject(name = "Back to the defaults", value = "{}")}))
    ApiResponse<SenderSettings> replace(@AuthenticationPrincipal Jwt jwt, @PathVariable("workspace_id") UUID workspaceId,
            @RequestBody JsonNode body) {
        FieldReader fields = FieldReader.of(body);
        String senderEmail = address(fields, "sender_email");
        String senderName = fields.string("sender_name");
        if (senderName != null) {
            String problem = SenderChecks.nameProblem(senderName);
            if (problem != null) {
                fields.error("sender_name", problem);
            }
        }
        String replyTo = address(fields, "reply_to");
        fields.throwIfInvalid();
        return ApiResponse.ok(senders.replace(CurrentUser.of(jwt), workspaceId, new SenderSettings(senderEmail, senderName, replyTo)));
    }

    private static String address(FieldReader fields, String field) {
        String address = fields.string(field);
        if (address != null) {
            String problem = SenderChecks.addressProblem(address);
            if (problem != null) {
                fields.error(field, problem);
            }
        }
        return address;
    }
}
