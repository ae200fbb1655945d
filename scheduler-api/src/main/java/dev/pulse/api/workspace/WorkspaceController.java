package dev.pulse.api.workspace;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.pulse.api.auth.CurrentUser;
import dev.pulse.api.web.ApiResponse;
import dev.pulse.api.web.FieldReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/workspaces")
@Tag(name = "Workspaces", description = "Workspaces and their members (owner, editor, viewer)")
class WorkspaceController {

    private final WorkspaceService workspaces;

    WorkspaceController(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a workspace; you become its owner")
    ApiResponse<Workspace> create(@AuthenticationPrincipal Jwt jwt, @RequestBody JsonNode body) {
        FieldReader fields = FieldReader.of(body);
        String name = fields.string("name");
        fields.require("name", name);
        if (name != null && (name.isBlank() || name.length() > 200)) {
            fields.error("name", "must be 1 to 200 characters");
        }
        fields.throwIfInvalid();
        return ApiResponse.ok(workspaces.create(CurrentUser.of(jwt), name));
    }

    @GetMapping
    @Operation(summary = "The workspaces you are a member of, with your role in each")
    ApiResponse<List<Workspace>> mine(@AuthenticationPrincipal Jwt jwt) {
        return ApiResponse.ok(workspaces.mine(CurrentUser.of(jwt)));
    }

    @GetMapping("/{workspace_id}/members")
    @Operation(summary = "Members and their roles (viewer)")
    ApiResponse<List<Member>> members(@AuthenticationPrincipal Jwt jwt, @PathVariable("workspace_id") UUID workspaceId) {
        return ApiResponse.ok(workspaces.members(CurrentUser.of(jwt), workspaceId));
    }

    @PutMapping("/{workspace_id}/members/{user_id}")
    @Operation(summary = "Add a member or change a member's role (owner)")
    ApiResponse<Member> putMember(@AuthenticationPrincipal Jwt jwt, @PathVariable("workspace_id") UUID workspaceId,
            @PathVariable("user_id") UUID userId, @RequestBody JsonNode body) {
        FieldReader fields = FieldReader.of(body);
        String role = fields.string("role");
        fields.require("role", role);
        String email = fields.string("email");
        MemberRole parsed = null;
        if (role != null) {
            try {
                parsed = MemberRole.parse(role);
            } catch (IllegalArgumentException e) {
                fields.error("role", "must be owner, editor or viewer");
            }
        }
        fields.throwIfInvalid();
        return ApiResponse.ok(workspaces.putMember(CurrentUser.of(jwt), workspaceId, userId, parsed, email));
    }

    @DeleteMapping("/{workspace_id}/members/{user_id}")
    @Operation(summary = "Remove a member (owner); the last owner cannot be removed")
    ApiResponse<Void> removeMember(@AuthenticationPrincipal Jwt jwt, @PathVariable("workspace_id") UUID workspaceId,
            @PathVariable("user_id") UUID userId) {
        workspaces.removeMember(CurrentUser.of(jwt), workspaceId, userId);
        return ApiResponse.ok(null);
    }
}
