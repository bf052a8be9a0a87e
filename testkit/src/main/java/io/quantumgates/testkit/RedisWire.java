package io.quantumgates.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Just enough RESP to ping, pause and flush a test server, so the test kit needs no Redis client library.
 * Replies are read up to the first line: every command sent here answers with a simple string or an error.
 */
final class RedisWire {
    private static final int TIMEOUT_MS = 2000;

    private RedisWire() {}

    static boolean answersPing(int port) {
        try {
            return "+PONG".equals(send(port, "PING"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends one command and returns its one-line reply; an error reply throws. */
    static String command(int port, String... args) {
        String reply;
        try {
            reply = send(port, args);
        } catch (IOException e) {
            throw new UncheckedIOException("Redis on port " + port + " did not answer " + args[0], e);
        }
        if (reply.startsWith("-")) {
            throw new IllegalStateException("Redis on port " + port + " refused " + String.join(" ", args) + ": "
                    + reply.substring(1));
        }
        return reply;
    }

    private static String send(int port, String... args) throws IOException {
        return send(port, TIMEOUT_MS, args);
    }

    /** One command with its own reply timeout; the raw first reply line. */
    static String send(int port, int timeoutMs, String... args) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), TIMEOUT_MS);
            socket.setSoTimeout(timeoutMs);
            OutputStream out = socket.getOutputStream();
            out.write(encode(args));
            out.flush();
            return readLine(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static byte[] encode(String... args) {
        StringBuilder sb = new StringBuilder().append('*').append(args.length).append("\r\n");
        for (String arg : args) {
            byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
            sb.append('$').append(bytes.length).append("\r\n").append(arg).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before a reply");
            }
            if (previous == '\r' && b == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(b);
            previous = b;
        }
    }
}
