package dev.pulse.api.auth;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.pulse.api.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who the token says you are: the user id an owner needs to add you to a workspace. */
@RestController
@Tag(name = "Workspaces")
class MeController {

    record Me(UUID userId, String email, String subject) {
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Your Pulse user id (from the token's subject) and email")
    ApiResponse<Me> me(@AuthenticationPrincipal Jwt jwt) {
        CurrentUser user = CurrentUser.of(jwt);
        return ApiResponse.ok(new Me(user.id(), user.email(), jwt.getSubject()));
    }
}
