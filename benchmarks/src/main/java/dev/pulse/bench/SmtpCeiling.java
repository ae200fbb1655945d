package dev.pulse.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sink's own ceiling: the same message sent by the simplest client there is (raw sockets,
 * TCP_NODELAY, no MIME, no database) over {@code connections} connections.
 */
final class SmtpCeiling {

    private SmtpCeiling() {
    }

    /** Messages per second for {@code total} messages of {@code message} bytes (dot-stuffed, ending CRLF). */
    static double measure(int port, int connections, int total, byte[] message) throws Exception {
        AtomicInteger left = new AtomicInteger(total);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(() -> {
                try (Socket socket = new Socket("localhost", port)) {
                    socket.setTcpNoDelay(true);
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                    reply(in);
                    command(out, in, "EHLO ceiling");
                    while (left.getAndDecrement() > 0) {
                        command(out, in, "MAIL FROM:<ceiling@bench.example>");
                        command(out, in, "RCPT TO:<reader@bench.example>");
                        command(out, in, "DATA");
                        out.write(message);
                        command(out, in, ".");
                    }
                    command(out, in, "QUIT");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }

    private static void command(OutputStream out, InputStream in, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        reply(in);
    }

    /** Reads one reply, multi-line or not. */
    private static void reply(InputStream in) throws IOException {
        boolean last;
        do {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.append((char) b);
            }
            if (b < 0) {
                throw new IOException("the sink closed the connection");
            }
            last = line.length() < 4 || line.charAt(3) != '-';
        } while (!last);
    }
}
