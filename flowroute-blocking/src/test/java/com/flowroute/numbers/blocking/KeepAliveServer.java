package com.flowroute.numbers.blocking;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal HTTP/1.1 server on a loopback port that answers every request with the same JSON
 * over kept-alive connections and reports, per connection, each request and the moment the
 * client closes it: what WireMock cannot show, and what tells whether a client's connection pool
 * was released.
 */
final class KeepAliveServer implements AutoCloseable {
    private final ServerSocket socket;
    private final byte[] response;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final AtomicInteger connections = new AtomicInteger();

    KeepAliveServer(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        this.response = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n"
                + json).getBytes(StandardCharsets.UTF_8);
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "keep-alive-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The base URL of the v1 API on this server. */
    String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
    }

    /**
     * The next event, such as {@code "GET /v1/tns/12066417744 on connection 1"} or
     * {@code "connection 1 closed by the client"}; fails after 5 seconds without one.
     */
    String nextEvent() throws InterruptedException {
        String event = events.poll(5, TimeUnit.SECONDS);
        assertNotNull(event, "no event within 5 s");
        return event;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                int number = connections.incrementAndGet();
                Thread reader = new Thread(() -> serve(connection, number), "keep-alive-connection-" + number);
                reader.setDaemon(true);
                reader.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection, int number) {
        try (connection) {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = connection.getOutputStream();
            String requestLine;
            while ((requestLine = in.readLine()) != null) {
                String header;
                do {
                    header = in.readLine();
                } while (header != null && !header.isEmpty());
                out.write(response);
                out.flush();
                String[] parts = requestLine.split(" ");
                events.add(parts[0] + " " + parts[1] + " on connection " + number);
            }
            events.add("connection " + number + " closed by the client");
        } catch (IOException e) {
            events.add("connection " + number + " failed: " + e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
