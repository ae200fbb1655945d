package dev.pulse.api.newsletter;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.web.ApiException;
import dev.pulse.api.web.ApiResponse;
import dev.pulse.api.workspace.MemberRole;
import dev.pulse.api.workspace.WorkspaceAccess;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The newsletter an execution generated, for the sprint's "generate but don't send": HTML by default,
 * {@code ?format=text} for the plain-text part, {@code ?format=json} for the subject and metadata.
 * Viewer and up of the execution's workspace; 404 before the newsletter exists.
 */
@RestController
@RequestMapping("/api/v1/scheduler/executions")
class NewsletterController {

    // the stored HTML is escaped when made; this keeps a browser from running anything in it regardless
    private static final String SANDBOX = "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; sandbox";

    private final NewsletterReader newsletters;
    private final WorkspaceAccess access;

    NewsletterController(NewsletterReader newsletters, WorkspaceAccess access) {
        this.newsletters = newsletters;
        this.access = access;
    }

    @GetMapping("/{execution_id}/newsletter")
    @Operation(summary = "The newsletter an execution generated: HTML, ?format=text or ?format=json (viewer)")
    ResponseEntity<?> newsletter(@AuthenticationPrincipal Jwt jwt, @PathVariable("execution_id") UUID executionId,
            @RequestParam(defaultValue = "html") String format) {
        if (!format.equals("html") && !format.equals("text") && !format.equals("json")) {
            throw ApiException.invalid("format", "format must be html, text or json");
        }
        CurrentUser user = CurrentUser.of(jwt);
        GeneratedNewsletter newsletter = newsletters.forExecution(executionId).orElse(null);
        if (newsletter == null) {
            UUID workspace = newsletters.workspaceOfExecution(executionId).orElseThrow(() -> ApiException.notFound("execution"));
            access.require(workspace, user, MemberRole.VIEWER, "execution");
            throw ApiException.notFound("newsletter (not generated yet)");
        }
        access.require(newsletter.workspaceId(), user, MemberRole.VIEWER, "execution");
        return switch (format) {
            case "json" -> ResponseEntity.ok(ApiResponse.ok(newsletter.metadata()));
            case "text" -> ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .header("X-Content-Type-Options", "nosniff").body(newsletter.text());
            default -> ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .header("Content-Security-Policy", SANDBOX).header("X-Content-Type-Options", "nosniff")
                    .body(newsletter.html());
        };
    }
}
