package dev.pulse.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server that takes every message and throws it away: a connection per thread, the message
 * scanned for its final dot in place. {@code delay} before each 250 stands for a server some way off.
 */
final class BenchSmtpSink implements AutoCloseable {

    private static final byte[] OK = "250 OK\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket socket;
    private final AtomicLong messages = new AtomicLong();
    private volatile Duration delay = Duration.ZERO;

    BenchSmtpSink() throws IOException {
        socket = new ServerSocket(0, 200);
        Thread acceptor = new Thread(this::accept, "sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    long messages() {
        return messages.get();
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true);
                Thread session = new Thread(() -> session(client), "sink-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket client) {
        try (client) {
            Reader in = new Reader(client.getInputStream());
            OutputStream out = client.getOutputStream();
            write(out, "220 sink ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
            String command;
            while ((command = in.line()) != null) {
                command = command.toUpperCase(java.util.Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    write(out, "250-sink\r\n250 8BITMIME\r\n".getBytes(StandardCharsets.US_ASCII));
                } else if (command.equals("DATA")) {
                    write(out, "354 go ahead\r\n".getBytes(StandardCharsets.US_ASCII));
                    if (!in.skipToFinalDot()) {
                        return;
                    }
                    messages.incrementAndGet();
                    if (!delay.isZero()) {
                        Thread.sleep(delay.toMillis());
                    }
                    write(out, OK);
                } else if (command.startsWith("QUIT")) {
                    write(out, "221 bye\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                } else {
                    write(out, OK);
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    /** Reads a connection in 64 KB chunks and scans them in place: the sink must cost next to nothing. */
    private static final class Reader {
        private final InputStream in;
        private final byte[] buffer = new byte[64 * 1024];
        private int position;
        private int limit;

        Reader(InputStream in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            limit = in.read(buffer);
            position = 0;
            return limit > 0;
        }

        /** One command line without its line break; null at the end of the connection. */
        String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (position == limit && !fill()) {
                    return null;
                }
                byte b = buffer[position++];
                if (b == '\n') {
                    return line.toString().trim();
                }
                line.append((char) b);
            }
        }

        /** Skips the message up to and including CRLF.CRLF; false if the connection ends first. */
        boolean skipToFinalDot() throws IOException {
            int matched = 2; // how much of "\r\n.\r\n" is behind us; DATA's own CRLF counts
            byte[] end = {'\r', '\n', '.', '\r', '\n'};
            while (true) {
                if (position == limit && !fill()) {
                    return false;
                }
                while (position < limit) {
                    byte b = buffer[position++];
                    if (b == end[matched]) {
                        if (++matched == end.length) {
                            return true;
                        }
                    } else {
                        matched = b == '\r' ? 1 : 0;
                    }
                }
            }
        }
    }

    private static void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
