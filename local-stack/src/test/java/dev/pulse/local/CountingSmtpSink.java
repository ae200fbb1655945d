package dev.pulse.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMTP server that keeps nothing but a count per recipient and Message-ID, for runs that mail tens of
 * thousands of messages and must tell a repeat from a first delivery. It can be taken down (its port
 * refuses connections and open sessions drop) and brought back on the same port.
 */
final class CountingSmtpSink implements AutoCloseable {

    /** One message as the sink saw it: to whom, and its Message-ID. */
    record Delivery(String recipient, String messageId) {
    }

    private final int port;
    private final Map<Delivery, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();
    private final Set<Socket> sessions = ConcurrentHashMap.newKeySet();
    private volatile long lastReceivedAt;
    private ServerSocket socket;

    private CountingSmtpSink(int port) {
        this.port = port;
    }

    static CountingSmtpSink start() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CountingSmtpSink sink = new CountingSmtpSink(port);
        sink.up();
        return sink;
    }

    int port() {
        return port;
    }

    synchronized void up() throws IOException {
        if (socket != null) {
            return;
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        socket = server;
        Thread acceptor = new Thread(() -> accept(server), "counting-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Refuses connections and drops the open ones, as a mail server that went away. */
    synchronized void down() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
        for (Socket session : sessions) {
            session.close();
        }
    }

    Map<Delivery, Integer> counts() {
        Map<Delivery, Integer> copy = new java.util.HashMap<>();
        counts.forEach((delivery, count) -> copy.put(delivery, count.get()));
        return copy;
    }

    long received() {
        return received.get();
    }

    /** Whether a message arrived within the last {@code millis}: a send is in the middle of a list. */
    boolean receivingWithin(long millis) {
        return System.currentTimeMillis() - lastReceivedAt < millis;
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sessions.add(client);
                Thread session = new Thread(() -> session(client), "counting-sink-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1))) {
            OutputStream out = client.getOutputStream();
            write(out, "220 counting-sink ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO")) {
                    write(out, "250-counting-sink\r\n250 8BITMIME");
                } else if (command.startsWith("RCPT TO:")) {
                    recipients.add(line.substring(8).replaceAll("[<> ]", "").toLowerCase(Locale.ROOT));
                    write(out, "250 OK");
                } else if (command.startsWith("MAIL FROM:") || command.startsWith("RSET")) {
                    recipients.clear();
                    write(out, "250 OK");
                } else if (command.equals("DATA")) {
                    write(out, "354 go ahead");
                    String messageId = readMessage(in);
                    if (messageId == null) {
                        return; // the connection ended inside the message: not delivered
                    }
                    for (String recipient : recipients) {
                        counts.computeIfAbsent(new Delivery(recipient, messageId), d -> new AtomicInteger()).incrementAndGet();
                    }
                    received.addAndGet(recipients.size());
                    lastReceivedAt = System.currentTimeMillis();
                    recipients.clear();
                    write(out, "250 OK");
                } else if (command.startsWith("QUIT")) {
                    write(out, "221 bye");
                    return;
                } else {
                    write(out, "250 OK");
                }
            }
        } catch (IOException e) {
            // the client went away, or the sink was taken down
        } finally {
            sessions.remove(client);
        }
    }

    /** Reads the message up to its final dot; returns its Message-ID (empty if none), null if the connection ends first. */
    private static String readMessage(BufferedReader in) throws IOException {
        String messageId = "";
        boolean headers = true;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.equals(".")) {
                return messageId;
            }
            if (headers) {
                if (line.isEmpty()) {
                    headers = false;
                } else if (line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                    messageId = line.substring(11).trim();
                }
            }
        }
        return null;
    }

    private static void write(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        down();
    }
}
