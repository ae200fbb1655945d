package dev.pulse.api.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * {@code java -jar scheduler-api-exec.jar mint-token <user-id> [email] [ttl] [--operator]} prints a bearer
 * token for that user, signed with {@code PULSE_JWT_SECRET}. TTL is ISO-8601, such as PT12H (the default);
 * {@code --operator} adds the scope of the operator endpoints.
 */
public final class MintTokenCommand {

    public static final String NAME = "mint-token";
    private static final Duration DEFAULT_TTL = Duration.ofHours(12);

    private MintTokenCommand() {
    }

    public static void run(String[] arguments) {
        boolean operator = java.util.Arrays.asList(arguments).contains("--operator");
        String[] args = java.util.Arrays.stream(arguments).filter(a -> !a.equals("--operator")).toArray(String[]::new);
        if (args.length < 2) {
            fail("usage: mint-token <user-id> [email] [ttl, e.g. PT12H] [--operator]");
        }
        String secret = System.getenv("PULSE_JWT_SECRET");
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            fail("PULSE_JWT_SECRET must be set (at least 32 bytes) to the secret the API checks tokens with");
        }
        UUID user = UUID.fromString(args[1]);
        String email = args.length > 2 ? args[2] : null;
        Duration ttl = args.length > 3 ? Duration.parse(args[3]) : DEFAULT_TTL;
        System.out.println(new TokenMinter(secret).mint(user, email, ttl, operator));
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
