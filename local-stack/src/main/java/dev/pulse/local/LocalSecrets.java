package dev.pulse.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The secrets of one local stack, random and made once per state directory ({@code .pulse/secrets.env},
 * readable by its owner only), so tokens minted for it stay valid across restarts and no two checkouts
 * share them. The services have no built-in secrets; these are handed to them like any other setting.
 */
record LocalSecrets(String jwtSecret, String unsubscribeSecret) {

    static final String JWT = "PULSE_JWT_SECRET";
    static final String UNSUBSCRIBE = "PULSE_UNSUBSCRIBE_SECRET";

    static LocalSecrets loadOrCreate(Path stateDir) throws IOException {
        Path file = stateDir.resolve("secrets.env");
        if (Files.exists(file)) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0 && !line.startsWith("#")) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            if (values.containsKey(JWT) && values.containsKey(UNSUBSCRIBE)) {
                return new LocalSecrets(values.get(JWT), values.get(UNSUBSCRIBE));
            }
        }
        LocalSecrets secrets = new LocalSecrets(random(), random());
        Files.createDirectories(stateDir);
        Files.write(file, List.of("# Made by ./pulse up for this local stack only; delete the file for new ones.",
                JWT + "=" + secrets.jwtSecret, UNSUBSCRIBE + "=" + secrets.unsubscribeSecret));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without owners: nothing to restrict
        }
        return secrets;
    }

    /** What a service needs of them: the API checks tokens and unsubscribe links, send makes the links. */
    Map<String, String> environmentFor(String service) {
        return switch (service) {
            case "scheduler-api" -> Map.of(JWT, jwtSecret, UNSUBSCRIBE, unsubscribeSecret);
            case "action-send" -> Map.of(UNSUBSCRIBE, unsubscribeSecret);
            default -> Map.of();
        };
    }

    private static String random() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
