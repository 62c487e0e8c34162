package com.breakagency.testkit.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake of the Gmail REST API on loopback, for tests of mail syncs: a stateful mailbox per user, the subset
 * a sync uses ({@code users.getProfile}, {@code messages.list}, {@code messages.get} with
 * {@code format=metadata}, {@code history.list} and {@code batch/gmail/v1} multipart batches), Google's
 * per-user quota by a cost table (429 with "Retry after" or 403 {@code userRateLimitExceeded} when a window's
 * units are spent), a history retention after which {@code history.list} answers 404, failure injection
 * (5xx, slow answers, 401), and counters a test asserts on. The bearer token names the user through a
 * function (for tokens of {@link FakeGoogle}: {@code google::accountOf}). Thread-safe.
 */
public final class FakeGmail implements AutoCloseable {

    /** Google's per-user quota, by default: 6,000 units a minute. */
    public static final int DEFAULT_UNITS_PER_WINDOW = 6_000;
    /** The quota's window, by default: a minute (windows start at whole minutes of the clock). */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);
    /** What each method costs, by default (Google's table since May 2026). */
    public static final Map<String, Integer> DEFAULT_COSTS = Map.of("messages.list", 5, "messages.get", 20,
            "history.list", 2, "users.getProfile", 1);
    /** The most calls a batch may hold. */
    public static final int MAX_BATCH = 50;

    /** How the fake answers a spent quota. */
    public enum RateLimitStyle {
        /** 429 {@code rateLimitExceeded} with "Retry after &lt;instant&gt;" in the message. */
        TOO_MANY_REQUESTS,
        /** 403 {@code userRateLimitExceeded} with "Retry after &lt;instant&gt;" in the message. */
        FORBIDDEN
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Clock clock;
    private final Function<String, Optional<String>> accountOf;
    private final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Integer> maxInFlight = new ConcurrentHashMap<>();
    private final Map<String, Long> unitsSpent = new ConcurrentHashMap<>();
    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    private final List<Instant> requestTimes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger rejections = new AtomicInteger();
    private final AtomicInteger fetchedMessages = new AtomicInteger();
    private final Map<String, Instant> windowStarts = new ConcurrentHashMap<>();
    private final Map<String, Integer> windowUnits = new ConcurrentHashMap<>();
    private volatile int unitsPerWindow = DEFAULT_UNITS_PER_WINDOW;
    private volatile Duration window = DEFAULT_WINDOW;
    private volatile Map<String, Integer> costs = DEFAULT_COSTS;
    private volatile RateLimitStyle rateLimitStyle = RateLimitStyle.TOO_MANY_REQUESTS;
    private volatile Duration historyRetention = Duration.ofDays(7);
    private volatile Instant rateLimitedUntil = Instant.MIN;
    private volatile Duration slowFor = Duration.ZERO;
    private final AtomicInteger serverErrors = new AtomicInteger();
    private final AtomicInteger unauthorized = new AtomicInteger();

    private FakeGmail(Clock clock, Function<String, Optional<String>> accountOf) throws IOException {
        this.clock = clock;
        this.accountOf = accountOf;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/batch/gmail/v1")) {
                batch(exchange);
            } else {
                single(exchange);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a fake whose requests name their user by tokens of a {@link FakeGoogle}, on the system clock.
     *
     * @param google the fake that issued the tokens
     * @return the running fake
     */
    public static FakeGmail start(FakeGoogle google) {
        return start(Clock.systemUTC(), google::accountOf);
    }

    /**
     * Starts a fake on a free loopback port.
     *
     * @param clock     the time of its quota windows, history and internal dates
     * @param accountOf the user a bearer token names, or empty for a token it must refuse with 401
     * @return the running fake
     */
    public static FakeGmail start(Clock clock, Function<String, Optional<String>> accountOf) {
        try {
            return new FakeGmail(Objects.requireNonNull(clock), Objects.requireNonNull(accountOf));
        } catch (IOException e) {
            throw new IllegalStateException("could not start the fake Gmail on loopback", e);
        }
    }

    /**
     * The root URL a Gmail client is pointed at (ends with {@code /}).
     *
     * @return the URL
     */
    public URI rootUrl() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/");
    }

    /**
     * The mailbox of a user, created empty on first use.
     *
     * @param address the user's address
     * @return the mailbox
     */
    public Mailbox mailbox(String address) {
        return mailboxes.computeIfAbsent(address.toLowerCase(java.util.Locale.ROOT), a -> new Mailbox(a, clock));
    }

    /**
     * The per-user quota: units per window.
     *
     * @param units  the units a user may spend in a window
     * @param length the window's length (windows start at whole multiples of it since the epoch)
     */
    public void quota(int units, Duration length) {
        this.unitsPerWindow = units;
        this.window = Objects.requireNonNull(length);
    }

    /**
     * The cost table.
     *
     * @param table method name ({@code messages.get}) → units
     */
    public void costs(Map<String, Integer> table) {
        this.costs = Map.copyOf(table);
    }

    /**
     * How a spent quota is answered. Defaults to 429.
     *
     * @param style the style
     */
    public void rateLimitStyle(RateLimitStyle style) {
        this.rateLimitStyle = Objects.requireNonNull(style);
    }

    /**
     * How long history is kept; {@code history.list} from a cursor older than that answers 404.
     *
     * @param retention the retention (default 7 days)
     */
    public void historyRetention(Duration retention) {
        this.historyRetention = Objects.requireNonNull(retention);
    }

    /**
     * Answers every request 429 (or 403) with "Retry after {@code until}" until then, by the fake's clock.
     *
     * @param until the end of the rate limit
     */
    public void rateLimitUntil(Instant until) {
        this.rateLimitedUntil = Objects.requireNonNull(until);
    }

    /**
     * Answers the next requests 503 {@code backendError}.
     *
     * @param times how many
     */
    public void failNext(int times) {
        serverErrors.set(times);
    }

    /**
     * Answers the next requests 401, whatever their token.
     *
     * @param times how many
     */
    public void unauthorizedNext(int times) {
        unauthorized.set(times);
    }

    /**
     * Delays every answer.
     *
     * @param delay the delay, zero for none
     */
    public void slowResponses(Duration delay) {
        this.slowFor = Objects.requireNonNull(delay);
    }

    /**
     * Units a user spent, in all.
     *
     * @param address the user
     * @return the units
     */
    public long unitsSpent(String address) {
        return unitsSpent.getOrDefault(address, 0L);
    }

    /**
     * Calls of a method (batched calls each count), in all.
     *
     * @param method such as {@code messages.get}
     * @return the count
     */
    public int calls(String method) {
        return calls.getOrDefault(method, 0);
    }

    /**
     * The number of calls in each batch request, in order.
     *
     * @return the sizes
     */
    public List<Integer> batchSizes() {
        synchronized (batchSizes) {
            return List.copyOf(batchSizes);
        }
    }

    /**
     * Requests refused for the quota (429 or 403), batched calls each counting.
     *
     * @return the count
     */
    public int rejections() {
        return rejections.get();
    }

    /**
     * Messages answered by {@code messages.get}, in all (a message fetched twice counts twice).
     *
     * @return the count
     */
    public int fetchedMessages() {
        return fetchedMessages.get();
    }

    /**
     * The most requests of one user the fake has served at once.
     *
     * @param address the user
     * @return the count
     */
    public int maxConcurrentRequests(String address) {
        return maxInFlight.getOrDefault(address, 0);
    }

    /**
     * When each request arrived, by the fake's clock, in order.
     *
     * @return the instants
     */
    public List<Instant> requestTimes() {
        synchronized (requestTimes) {
            return List.copyOf(requestTimes);
        }
    }

    /** The outcome of one call: a status and a JSON body, or a rate limit. */
    private record Answer(int status, String body) {
    }

    private void single(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<String> user = user(exchange.getRequestHeaders().getFirst("Authorization"));
            Answer answer = serve(user, exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), true);
            delay();
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void batch(HttpExchange exchange) throws IOException {
        try (exchange) {
            Optional<String> user = user(exchange.getRequestHeaders().getFirst("Authorization"));
            String type = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type")).orElse("");
            int at = type.indexOf("boundary=");
            String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (at < 0) {
                reply(exchange, 400, error(400, "badRequest", "a batch needs a multipart boundary"));
                return;
            }
            String boundary = type.substring(at + 9).replace("\"", "").trim();
            List<String> parts = new ArrayList<>();
            for (String part : raw.split("--" + java.util.regex.Pattern.quote(boundary))) {
                String trimmed = part.strip();
                if (!trimmed.isEmpty() && !trimmed.equals("--")) {
                    parts.add(part);
                }
            }
            batchSizes.add(parts.size());
            if (parts.size() > MAX_BATCH) {
                reply(exchange, 400, error(400, "badRequest", "a batch holds at most 50 calls"));
                return;
            }
            String responseBoundary = "batch_fake_" + Long.toHexString(System.nanoTime());
            StringBuilder out = new StringBuilder();
            for (String part : parts) {
                String inner = part.replace("\r\n", "\n");
                int blank = inner.indexOf("\n\n");
                String request = blank < 0 ? "" : inner.substring(blank + 2).strip();
                String contentId = "";
                for (String line : inner.substring(0, Math.max(0, blank)).split("\n")) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-id:")) {
                        contentId = line.substring(11).trim();
                    }
                }
                String requestLine = request.split("\n", 2)[0];
                String[] words = requestLine.split(" ");
                Answer answer;
                if (words.length < 2) {
                    answer = new Answer(400, error(400, "badRequest", "not an HTTP request"));
                } else {
                    URI target = URI.create(words[1]);
                    answer = serve(user, words[0], target.getRawPath(), target.getRawQuery(), false);
                }
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                out.append("--").append(responseBoundary).append("\r\n")
                        .append("Content-Type: application/http\r\n")
                        .append("Content-ID: <response-").append(contentId.replace("<", "").replace(">", ""))
                        .append(">\r\n\r\n")
                        .append("HTTP/1.1 ").append(answer.status()).append(answer.status() == 200 ? " OK" : " Error")
                        .append("\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: ")
                        .append(body.length).append("\r\n\r\n").append(answer.body()).append("\r\n");
            }
            out.append("--").append(responseBoundary).append("--\r\n");
            delay();
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "multipart/mixed; boundary=" + responseBoundary);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(bytes);
            }
        }
    }

    private void delay() {
        Duration d = slowFor;
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Optional<String> user(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return Optional.empty();
        }
        return accountOf.apply(authorization.substring(7)).map(a -> a.toLowerCase(java.util.Locale.ROOT));
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Serves one call, counting it, for a user; {@code top} says whether it is a request of its own. */
    private Answer serve(Optional<String> user, String method, String path, String query, boolean top) {
        requestTimes.add(clock.instant());
        if (unauthorized.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0 || user.isEmpty()) {
            return new Answer(401, error(401, "authError", "Request had invalid authentication credentials."));
        }
        String address = user.get();
        AtomicInteger running = inFlight.computeIfAbsent(address, a -> new AtomicInteger());
        int now = running.incrementAndGet();
        maxInFlight.merge(address, now, Math::max);

        try {
            if (serverErrors.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                return new Answer(503, error(503, "backendError", "Backend Error"));
            }
            if (path == null || !path.startsWith("/gmail/v1/users/me/")) {
                return new Answer(404, error(404, "notFound", "Not Found"));
            }
            String rest = path.substring("/gmail/v1/users/me/".length());
            Map<String, List<String>> params = params(query);
            String name = rest.equals("profile") ? "users.getProfile" : rest.equals("messages") ? "messages.list"
                    : rest.startsWith("messages/") ? "messages.get" : rest.equals("history") ? "history.list" : null;
            if (name == null || !"GET".equals(method)) {
                return new Answer(404, error(404, "notFound", "Not Found"));
            }
            Instant instant = clock.instant();
            if (instant.isBefore(rateLimitedUntil)) {
                rejections.incrementAndGet();
                return rateLimited(rateLimitedUntil);
            }
            Optional<Instant> refusedUntil = spend(address, costs.getOrDefault(name, 0), instant);
            if (refusedUntil.isPresent()) {
                rejections.incrementAndGet();
                return rateLimited(refusedUntil.get());
            }
            calls.merge(name, 1, Integer::sum);
            Mailbox box = mailbox(address);
            return switch (name) {
                case "users.getProfile" -> new Answer(200, Json.write(box.profile()));
                case "messages.list" -> new Answer(200, Json.write(box.list(params)));
                case "messages.get" -> box.get(URLDecoder.decode(rest.substring(9), StandardCharsets.UTF_8))
                        .map(m -> {
                            fetchedMessages.incrementAndGet();
                            return new Answer(200, Json.write(m));
                        })
                        .orElseGet(() -> new Answer(404, error(404, "notFound", "Requested entity was not found.")));
                default -> box.history(params, historyRetention)
                        .map(h -> new Answer(200, Json.write(h)))
                        .orElseGet(() -> new Answer(404, error(404, "notFound", "Requested entity was not found.")));
            };
        } finally {
            running.decrementAndGet();
        }
    }

    /** Spends a call's units in the user's current window, or says until when the window is spent. */
    private synchronized Optional<Instant> spend(String address, int units, Instant now) {
        long length = window.toMillis();
        Instant start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), length) * length);
        if (!start.equals(windowStarts.get(address))) {
            windowStarts.put(address, start);
            windowUnits.put(address, 0);
        }
        int used = windowUnits.getOrDefault(address, 0);
        if (used + units > unitsPerWindow) {
            return Optional.of(start.plus(window));
        }
        windowUnits.put(address, used + units);
        unitsSpent.merge(address, (long) units, Long::sum);
        return Optional.empty();
    }

    private Answer rateLimited(Instant until) {
        String message = "User-rate limit exceeded.  Retry after " + until;
        return rateLimitStyle == RateLimitStyle.FORBIDDEN
                ? new Answer(403, error(403, "userRateLimitExceeded", message))
                : new Answer(429, error(429, "rateLimitExceeded", message));
    }

    private static String error(int code, String reason, String message) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("message", message);
        detail.put("domain", "global");
        detail.put("reason", reason);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("errors", List.of(detail));
        return Json.write(Map.of("error", error));
    }

    private static Map<String, List<String>> params(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * One user's mailbox: messages with ids, threads, headers, labels and internal dates, and a history id
     * that grows with every change. Thread-safe.
     */
    public static final class Mailbox {

        private record Message(String id, String threadId, String from, String to, String cc, String subject,
                               String snippet, Instant internalDate, List<String> labels, long historyId) {
        }

        private record Change(long historyId, Instant at, String messageId, String threadId, boolean added) {
        }

        private final String address;
        private final Clock clock;
        private final Map<String, Message> messages = new LinkedHashMap<>();
        private final List<Change> history = new ArrayList<>();
        private long historyId = 1_000;
        private long nextId = 0x18c0000000000L;
        private long pruned = 0;

        private Mailbox(String address, Clock clock) {
            this.address = address;
            this.clock = clock;
        }

        /**
         * Adds a message received now.
         *
         * @param from    the From header, such as {@code Ana <ana@brand.example>}
         * @param to      the To header
         * @param cc      the Cc header, or null
         * @param subject the subject
         * @return the new message's id
         */
        public synchronized String add(String from, String to, String cc, String subject) {
            return add(from, to, cc, subject, clock.instant());
        }

        /**
         * Adds a message with an internal date.
         *
         * @param from         the From header
         * @param to           the To header
         * @param cc           the Cc header, or null
         * @param subject      the subject
         * @param internalDate when it was received
         * @return the new message's id
         */
        public synchronized String add(String from, String to, String cc, String subject, Instant internalDate) {
            String id = Long.toHexString(nextId++);
            historyId++;
            messages.put(id, new Message(id, "t" + id, from, to, cc, subject, "snippet of " + id, internalDate,
                    List.of("INBOX"), historyId));
            history.add(new Change(historyId, clock.instant(), id, "t" + id, true));
            return id;
        }

        /**
         * Adds messages from one sender to this mailbox, received one second apart up to now.
         *
         * @param count how many
         * @param from  the From header of each
         * @return their ids, oldest first
         */
        public synchronized List<String> addMany(int count, String from) {
            List<String> ids = new ArrayList<>();
            Instant now = clock.instant();
            for (int i = 0; i < count; i++) {
                ids.add(add(from, address, null, "Message " + i, now.minusSeconds(count - i)));
            }
            return ids;
        }

        /**
         * Deletes a message for good.
         *
         * @param id the message
         */
        public synchronized void delete(String id) {
            Message removed = messages.remove(id);
            if (removed != null) {
                historyId++;
                history.add(new Change(historyId, clock.instant(), id, removed.threadId(), false));
            }
        }

        /**
         * The ids of the messages, oldest added first.
         *
         * @return the ids
         */
        public synchronized List<String> ids() {
            return List.copyOf(messages.keySet());
        }

        /**
         * The current history id.
         *
         * @return the id
         */
        public synchronized String historyId() {
            return Long.toString(historyId);
        }

        private synchronized Map<String, Object> profile() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("emailAddress", address);
            out.put("messagesTotal", messages.size());
            out.put("threadsTotal", messages.size());
            out.put("historyId", Long.toString(historyId));
            return out;
        }

        private synchronized Map<String, Object> list(Map<String, List<String>> params) {
            int max = Math.min(500, Integer.parseInt(first(params, "maxResults", "100")));
            int offset = Integer.parseInt(first(params, "pageToken", "0"));
            long after = Long.MIN_VALUE;
            for (String term : first(params, "q", "").split(" ")) {
                if (term.startsWith("after:")) {
                    after = Long.parseLong(term.substring(6));
                }
            }
            long afterSeconds = after;
            List<Message> all = messages.values().stream()
                    .filter(m -> m.internalDate().getEpochSecond() > afterSeconds)
                    .sorted((a, b) -> b.internalDate().compareTo(a.internalDate()) != 0
                            ? b.internalDate().compareTo(a.internalDate()) : b.id().compareTo(a.id()))
                    .toList();
            List<Map<String, Object>> page = new ArrayList<>();
            for (int i = offset; i < Math.min(all.size(), offset + max); i++) {
                page.add(Map.of("id", all.get(i).id(), "threadId", all.get(i).threadId()));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("messages", page);
            if (offset + max < all.size()) {
                out.put("nextPageToken", Integer.toString(offset + max));
            }
            out.put("resultSizeEstimate", all.size());
            return out;
        }

        private synchronized Optional<Map<String, Object>> get(String id) {
            Message m = messages.get(id);
            if (m == null) {
                return Optional.empty();
            }
            List<Map<String, Object>> headers = new ArrayList<>();
            headers.add(Map.of("name", "From", "value", m.from()));
            headers.add(Map.of("name", "To", "value", m.to()));
            if (m.cc() != null) {
                headers.add(Map.of("name", "Cc", "value", m.cc()));
            }
            headers.add(Map.of("name", "Subject", "value", m.subject()));
            headers.add(Map.of("name", "Date", "value", m.internalDate().toString()));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("id", m.id());
            out.put("threadId", m.threadId());
            out.put("labelIds", m.labels());
            out.put("snippet", m.snippet());
            out.put("historyId", Long.toString(m.historyId()));
            out.put("internalDate", Long.toString(m.internalDate().toEpochMilli()));
            out.put("payload", Map.of("mimeType", "text/plain", "headers", headers));
            out.put("sizeEstimate", 1000);
            return Optional.of(out);
        }

        private synchronized Optional<Map<String, Object>> history(Map<String, List<String>> params,
                                                                  Duration retention) {
            Instant horizon = clock.instant().minus(retention);
            while (!history.isEmpty() && history.get(0).at().isBefore(horizon)) {
                pruned = history.remove(0).historyId();
            }
            long start = Long.parseLong(first(params, "startHistoryId", "0"));
            if (start < pruned) {
                return Optional.empty();
            }
            int max = Math.min(500, Integer.parseInt(first(params, "maxResults", "100")));
            int offset = Integer.parseInt(first(params, "pageToken", "0"));
            List<Change> after = history.stream().filter(c -> c.historyId() > start).toList();
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = offset; i < Math.min(after.size(), offset + max); i++) {
                Change c = after.get(i);
                Map<String, Object> message = Map.of("id", c.messageId(), "threadId", c.threadId(),
                        "labelIds", List.of("INBOX"));
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("id", Long.toString(c.historyId()));
                record.put("messages", List.of(message));
                record.put(c.added() ? "messagesAdded" : "messagesDeleted", List.of(Map.of("message", message)));
                records.add(record);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("history", records);
            if (offset + max < after.size()) {
                out.put("nextPageToken", Integer.toString(offset + max));
            }
            out.put("historyId", Long.toString(historyId));
            return Optional.of(out);
        }

        private static String first(Map<String, List<String>> params, String key, String otherwise) {
            List<String> values = params.get(key);
            return values == null || values.isEmpty() ? otherwise : values.get(0);
        }
    }
}
