package dev.pulse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** Ports nothing listens on yet, for servers a test starts itself (or starts late, on purpose). */
public final class FreePorts {

    private FreePorts() {
    }

    public static int one() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** The first of {@code count} consecutive free ports at or above {@code from}. */
    public static int consecutive(int count, int from) {
        for (int base = from; base < 65_000 - count; base += count) {
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports");
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket ignored = new ServerSocket(port)) {
                // free
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
