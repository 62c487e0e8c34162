package com.breakagency.adapter.sentry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.sentry.JsonObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * Sentry's envelope endpoint, stubbed with the JDK's HTTP server on 127.0.0.1. Decodes what the real SDK
 * sends (gzip or not) and keeps each event with the raw envelope text it came in. It can answer 200, any
 * other status, or stall until released.
 */
final class SentryStub implements AutoCloseable {

    /** What a test waits for an envelope at most; a bound, not a pause. */
    static final Duration WAIT = Duration.ofSeconds(10);

    /** One event as received: its JSON as maps and lists, and the whole request body as text. */
    record Received(Map<String, Object> event, String body) {
        @SuppressWarnings("unchecked")
        Map<String, String> tags() {
            return (Map<String, String>) event.get("tags");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> user() {
            return (Map<String, Object>) event.get("user");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> context(String name) {
            return (Map<String, Object>) ((Map<String, Object>) event.get("contexts")).get(name);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> exceptions() {
            return (List<Map<String, Object>>) ((Map<String, Object>) event.get("exception")).get("values");
        }

        String tag(String name) {
            return tags() == null ? null : tags().get(name);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile boolean stalling;

    SentryStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * A DSN nothing listens on: a port taken from the system and given back at once, so connections
     * are refused.
     */
    static String refusingDsn() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://publickey@127.0.0.1:" + socket.getLocalPort() + "/1";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String dsn() {
        return "http://publickey@127.0.0.1:" + server.getAddress().getPort() + "/1";
    }

    /** From now on, answer every envelope with this status. */
    void answer(int httpStatus) {
        this.status = httpStatus;
    }

    /** From now on, hold every request until {@link #release()} (or the wait bound). */
    void stall() {
        this.stalling = true;
    }

    void release() {
        released.countDown();
    }

    int requests() {
        return requests.get();
    }

    /** Waits, within {@link #WAIT}, for the next event. */
    Received next() {
        try {
            Received received = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(received, "no event arrived within " + WAIT);
            return received;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits, within {@link #WAIT} each, for the next {@code count} events. */
    List<Received> next(int count) {
        List<Received> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    /** The events received and not yet taken, without waiting. */
    List<Received> drain() {
        List<Received> out = new ArrayList<>();
        events.drainTo(out);
        return out;
    }

    void assertNoMoreEvents() {
        assertEquals(List.of(), drain().stream().map(Received::event).toList());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            InputStream in = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (stalling) {
                try {
                    released.await(WAIT.toMillis() * 3, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (status == 200) {
                for (Map<String, Object> event : events(body)) {
                    events.add(new Received(event, body));
                }
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** The event items of an envelope: a header line, then item header and payload lines in pairs. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(String envelope) throws IOException {
        String[] lines = envelope.split("\n");
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 1; i + 1 < lines.length; i += 2) {
            Map<String, Object> itemHeader = (Map<String, Object>) parse(lines[i]);
            if ("event".equals(itemHeader.get("type"))) {
                out.add((Map<String, Object>) parse(lines[i + 1]));
            }
        }
        return out;
    }

    private static Object parse(String json) throws IOException {
        try (JsonObjectReader reader = new JsonObjectReader(new StringReader(json))) {
            return reader.nextObjectOrNull();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
