package dev.pulse.scrape.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a (decompressed) body up to a cap, never buffering more than the cap: a gzip bomb stops there. */
final class CappedBody {

    private CappedBody() {
    }

    static byte[] read(InputStream in, long cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] chunk = new byte[16384];
        long total = 0;
        for (int n; (n = in.read(chunk)) != -1; ) {
            total += n;
            if (total > cap) {
                throw new TooLarge();
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    static final class TooLarge extends IOException {
        TooLarge() {
            super("body over the cap");
        }
    }
}
