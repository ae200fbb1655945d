package dev.pulse.api.auth;

import java.time.Duration;
import java.util.UUID;

import dev.pulse.api.config.ApiProperties;

/**
 * {@code java -jar scheduler-api-exec.jar mint-token <user-id> [email] [ttl]} prints a bearer token for
 * that user, signed with {@code PULSE_JWT_SECRET} (or the local-development secret). TTL is ISO-8601,
 * such as PT12H (the default).
 */
public final class MintTokenCommand {

    public static final String NAME = "mint-token";

    private MintTokenCommand() {
    }

    public static void run(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: mint-token <user-id> [email] [ttl, e.g. PT12H]");
            System.exit(2);
        }
        ApiProperties properties = ApiProperties.fromEnvironment(System.getenv());
        UUID user = UUID.fromString(args[1]);
        String email = args.length > 2 ? args[2] : null;
        Duration ttl = args.length > 3 ? Duration.parse(args[3]) : properties.tokenTtl();
        System.out.println(new TokenMinter(properties.jwtSecret()).mint(user, email, ttl));
    }
}
