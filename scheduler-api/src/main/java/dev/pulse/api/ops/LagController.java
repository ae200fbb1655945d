package dev.pulse.api.ops;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.pulse.api.web.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Consumer lag for operators (a token with the pulse:operator scope). */
@RestController
@Tag(name = "Operations")
class LagController {

    private final ConsumerLag lag;

    LagController(ConsumerLag lag) {
        this.lag = lag;
    }

    @GetMapping("/api/v1/ops/lag")
    @Operation(summary = "Each consumer group's lag per topic and partition, with the age of the oldest unconsumed record (operator)")
    ApiResponse<ConsumerLag.Lag> lag() {
        return ApiResponse.ok(lag.measure());
    }
}
