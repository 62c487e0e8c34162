package com.breakagency.spring.boot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the console over HTTP as the test host's users ({@code X-Test-User}, {@code X-Test-Role}), keeps
 * every body it received for the secrets check, and reads event streams line by line on threads of its own.
 */
final class ConsoleClient implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String[] ADMIN = {"X-Test-User", "admin-1", "X-Test-Role", "ADMIN"};
    static final String[] AGENT = {"X-Test-User", "agent-1", "X-Test-Role", "AGENT"};
    static final String[] FINANCE = {"X-Test-User", "finance-1", "X-Test-Role", "FINANCE"};

    /** What a full email address looks like; a masked one ({@code j***@x.example}) does not match. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    /** Google-shaped access and refresh tokens, and the fake's client secret. */
    private static final Pattern TOKEN = Pattern.compile("ya29\\.|1//|fake-client-secret|Bearer ", Pattern.CASE_INSENSITIVE);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final List<String> captured = new CopyOnWriteArrayList<>();
    private final List<Stream<String>> streams = new CopyOnWriteArrayList<>();

    ConsoleClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        captured.add(response.body());
        return response;
    }

    JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    static JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("correlationId").asString()).isNotBlank();
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue(body.get("correlationId").asString());
        return body;
    }

    /** One event as the stream sent it. */
    record Event(String id, String name, JsonNode data) {
    }

    /**
     * Opens an event stream; its events arrive in the returned queue.
     *
     * @param lastEventId the Last-Event-ID to send, or null
     * @return the events
     */
    BlockingQueue<Event> stream(String lastEventId, String... headers) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(headers));
        all.addAll(List.of("Accept", "text/event-stream"));
        if (lastEventId != null) {
            all.addAll(List.of("Last-Event-ID", lastEventId));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/break-admin/api/events"))
                .headers(all.toArray(String[]::new)).GET().build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Stream<String> lines = response.body();
        streams.add(lines);
        Thread reader = new Thread(() -> {
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) lines::iterator) {
                    captured.add(line);
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Event(id, name, JSON.readTree(data.toString())));
                        }
                        id = null;
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (RuntimeException closed) {
                // the stream ended: the test closed it or the server went away
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    /** Takes events until one has the name, within the timeout; fails otherwise. */
    static Event await(BlockingQueue<Event> events, String name, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Event event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no " + name + " event within " + within);
            }
            if (event.name().equals(name)) {
                return event;
            }
        }
    }

    /** Every body and event line received holds no token, secret or full address. */
    void assertNothingSecretWasSent() {
        assertThat(captured).isNotEmpty();
        for (String text : captured) {
            Matcher address = ADDRESS.matcher(text);
            assertThat(address.find()).as("a full address in: %s", text).isFalse();
            assertThat(TOKEN.matcher(text).find()).as("a token or secret in: %s", text).isFalse();
        }
    }

    List<String> captured() {
        return captured;
    }

    static Map<String, String> none() {
        return Map.of();
    }

    @Override
    public void close() {
        streams.forEach(Stream::close);
    }
}
