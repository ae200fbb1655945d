package dev.pulse.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarFile;

/**
 * Two Spring Boot services in one JVM both have an {@code application.yml} at the root of their jar, and
 * a plain classpath lookup finds only the first. This points each service at its own file, found in the
 * jar (or classes directory) its application class was loaded from.
 */
final class OwnConfiguration {

    private OwnConfiguration() {
    }

    /** The command-line argument that makes the service of {@code application} read its own application.yml. */
    static String of(Class<?> application) {
        try {
            Path origin = Path.of(application.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path yml = Files.isDirectory(origin) ? origin.resolve("application.yml") : extract(origin);
            return "--spring.config.location=file:" + yml;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path extract(Path jar) {
        try (JarFile file = new JarFile(jar.toFile()); InputStream in = file.getInputStream(file.getEntry("application.yml"))) {
            Path copy = Files.createTempFile(jar.getFileName() + "-", ".yml");
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
