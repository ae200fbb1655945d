package dev.pulse.send;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMTP server of our own that misbehaves on purpose: scripted replies per recipient (one step per
 * attempt: a reply to RCPT, a reply after the final dot, a connection dropped mid-DATA or after the
 * dot), a server that never greets, one that refuses every login, and an optional delay before each
 * 250 (a distant server). It records every message it took, by recipient, with its Message-ID.
 */
public final class FaultSmtpServer implements AutoCloseable {

    /** What the server does on one attempt to a recipient. */
    public sealed interface Step {
        /** The RCPT command is answered with {@code reply} (e.g. "450 4.2.1 try later"). */
        record AtRcpt(String reply) implements Step {
        }

        /** The message is read, then answered with {@code reply} instead of 250. */
        record AfterData(String reply) implements Step {
        }

        /** The connection is closed when RCPT comes: before the message, so it certainly did not arrive. */
        record DropAtRcpt() implements Step {
        }

        /**
         * The connection is reset while the client is writing the message. The server never takes it; the
         * client may still have handed its final dot to the kernel before the reset reached it (on loopback,
         * a send buffer holds megabytes), and then, from where it stands, the outcome is ambiguous.
         */
        record DropMidData() implements Step {
        }

        /** The message is taken, then the connection is closed before the reply. */
        record DropAfterDot() implements Step {
        }
    }

    private final ServerSocket socket;
    private final Map<String, Deque<Step>> scripts = new ConcurrentHashMap<>();
    private final Map<String, List<String>> received = new ConcurrentHashMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean silent;
    private volatile boolean refuseLogin;
    private volatile Duration delay = Duration.ZERO;

    /** A server on a free port, for a test class's static field. */
    public static FaultSmtpServer start() {
        try {
            return new FaultSmtpServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private FaultSmtpServer() throws IOException {
        socket = new ServerSocket();
        // a small window, so a client writing a large message blocks while the server is not reading
        socket.setReceiveBufferSize(16 * 1024);
        socket.bind(new java.net.InetSocketAddress("localhost", 0));
        Thread acceptor = new Thread(this::accept, "fault-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public void script(String recipient, Step... steps) {
        scripts.computeIfAbsent(recipient.toLowerCase(Locale.ROOT), r -> new ArrayDeque<>()).addAll(List.of(steps));
    }

    /** Never greet: connections open and then nothing happens. */
    public void silent(boolean silent) {
        this.silent = silent;
    }

    /** Advertise AUTH and refuse every login with 535. */
    public void refuseLogin(boolean refuse) {
        this.refuseLogin = refuse;
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** The Message-IDs taken for {@code recipient}, in order. */
    public List<String> received(String recipient) {
        return received.getOrDefault(recipient.toLowerCase(Locale.ROOT), List.of());
    }

    public int messagesReceived() {
        return received.values().stream().mapToInt(List::size).sum();
    }

    public Map<String, List<String>> receivedByRecipient() {
        return Map.copyOf(received);
    }

    public int connections() {
        return connections.get();
    }

    public void reset() {
        scripts.clear();
        received.clear();
        silent = false;
        refuseLogin = false;
        delay = Duration.ZERO;
        open.forEach(FaultSmtpServer::closeQuietly);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true);
                connections.incrementAndGet();
                open.add(client);
                Thread session = new Thread(() -> session(client), "fault-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket client) {
        try (client) {
            if (silent) {
                client.getInputStream().read(); // until the client gives up
                return;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = client.getOutputStream();
            reply(out, "220 fault.test ESMTP");
            String recipient = null;
            Step step = null;
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    reply(out, refuseLogin ? "250-fault.test\r\n250-AUTH LOGIN PLAIN\r\n250 OK" : "250-fault.test\r\n250 OK");
                } else if (command.startsWith("HELO") || command.startsWith("NOOP") || command.startsWith("RSET")) {
                    recipient = null;
                    reply(out, "250 OK");
                } else if (command.startsWith("AUTH")) {
                    reply(out, "535 5.7.8 Authentication credentials invalid");
                } else if (command.startsWith("MAIL FROM")) {
                    reply(out, "250 OK");
                } else if (command.startsWith("RCPT TO")) {
                    recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
                    Deque<Step> script = scripts.get(recipient);
                    step = script == null ? null : script.poll();
                    if (step instanceof Step.DropAtRcpt) {
                        return;
                    }
                    if (step instanceof Step.AtRcpt rcpt) {
                        reply(out, rcpt.reply());
                        if (rcpt.reply().startsWith("421")) {
                            return;
                        }
                        recipient = null;
                    } else {
                        reply(out, "250 OK");
                    }
                } else if (command.equals("DATA")) {
                    if (recipient == null) {
                        reply(out, "503 5.5.1 No recipients");
                        continue;
                    }
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    if (step instanceof Step.DropMidData) {
                        Thread.sleep(200); // the client writes until the window is full, then waits
                        client.setSoLinger(true, 0); // a reset: the rest of its message cannot arrive
                        return;
                    }
                    String messageId = null;
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                            messageId = line.substring(11).strip();
                        }
                    }
                    if (line == null) {
                        return;
                    }
                    if (step instanceof Step.AfterData data) {
                        reply(out, data.reply());
                        continue;
                    }
                    received.computeIfAbsent(recipient, r -> new CopyOnWriteArrayList<>()).add(String.valueOf(messageId));
                    if (step instanceof Step.DropAfterDot) {
                        return;
                    }
                    if (!delay.isZero()) {
                        Thread.sleep(delay.toMillis());
                    }
                    reply(out, "250 2.0.0 queued");
                    recipient = null;
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    reply(out, "502 5.5.2 not implemented");
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        } finally {
            open.remove(client);
        }
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
        open.forEach(FaultSmtpServer::closeQuietly);
    }

    /** Every recipient's messages, for a failing assertion's message. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        received.forEach((recipient, ids) -> lines.add(recipient + "=" + ids.size()));
        return "FaultSmtpServer" + lines;
    }
}
