package dev.pulse.api.execution;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.web.ApiException;
import dev.pulse.api.web.ApiResponse;
import dev.pulse.api.workspace.MemberRole;
import dev.pulse.api.workspace.WorkspaceAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** One execution with its results and log. */
@RestController
@Tag(name = "Scheduler")
class ExecutionController {

    private final ExecutionRepository executions;
    private final WorkspaceAccess access;

    ExecutionController(ExecutionRepository executions, WorkspaceAccess access) {
        this.executions = executions;
        this.access = access;
    }

    @GetMapping("/api/v1/scheduler/executions/{execution_id}")
    @Operation(summary = "One execution: status, each stage's result, error and log (viewer)")
    ApiResponse<ExecutionView> get(@AuthenticationPrincipal Jwt jwt, @PathVariable("execution_id") UUID id) {
        ExecutionView execution = executions.find(id).orElseThrow(() -> ApiException.notFound("execution"));
        access.require(execution.workspaceId(), CurrentUser.of(jwt), MemberRole.VIEWER, "execution");
        return ApiResponse.ok(execution);
    }
}
