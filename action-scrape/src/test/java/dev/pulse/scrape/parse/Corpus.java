package dev.pulse.scrape.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The feed documents under src/test/resources/corpus (their provenance is in its README). */
public final class Corpus {

    private Corpus() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No corpus file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
