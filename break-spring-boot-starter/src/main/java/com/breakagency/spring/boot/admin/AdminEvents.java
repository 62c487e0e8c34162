package com.breakagency.spring.boot.admin;

import com.breakagency.ports.api.Diagnostics;
import com.breakagency.ports.api.Recovery;
import com.breakagency.ports.api.diagnostics.ConnectionHealth;
import com.breakagency.ports.api.diagnostics.Health;
import com.breakagency.ports.api.recovery.StepQuery;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The console's live stream. Each instance reads Break's state from the database every
 * {@code break.admin.poll-interval} on one thread of its own (health through {@link Diagnostics#health}, the
 * DEAD steps through {@link Recovery#listSteps}, both as SYSTEM), compares it with the last read and pushes
 * what changed to its open streams as Server-Sent Events. Instances never talk to each other: a step that
 * went DEAD on another instance is in the database, so every instance sees it within one poll.
 *
 * <p>Events, each with a JSON body: {@value #HEALTH} (the overall or a section's status changed),
 * {@value #STEP_DEAD} and {@value #STEP_BACK} (a step became DEAD, or is DEAD no more),
 * {@value #NEEDS_REAUTH} and {@value #RECOVERED} (a connection needs its user to reconnect, or no longer
 * does), {@value #WORKFLOW} and {@value #CONNECTION} (other figures changed), {@value #READY} (sent on
 * every subscription) and {@value #RESYNC} (the stream cannot replay what the client missed: read the state
 * anew). Ids increase monotonically, from the instance's start time in milliseconds times 1000, so an
 * instance started later never reuses an earlier one's ids. The last {@code break.admin.event-buffer}
 * events are kept: a client reconnecting with {@code Last-Event-ID} gets what it missed, or {@value #RESYNC}
 * when its id is not in this instance's buffer (it came from another instance, or is too old).
 *
 * <p>It stops, completing its streams, before the web server's graceful shutdown, so open streams do not
 * hold that shutdown up. Thread-safe.
 */
public final class AdminEvents implements SmartLifecycle {

    /** The overall status or a section's status changed. */
    public static final String HEALTH = "health.changed";
    /** A step became DEAD. */
    public static final String STEP_DEAD = "step.dead";
    /** A step is DEAD no more (retried, or gone). */
    public static final String STEP_BACK = "step.back";
    /** A connection needs its user to reconnect. */
    public static final String NEEDS_REAUTH = "connection.needs-reauth";
    /** A connection that needed reauthorization no longer does. */
    public static final String RECOVERED = "connection.recovered";
    /** The workflow's figures changed: queue depth, the janitor's last run, paid invoices without commissions. */
    public static final String WORKFLOW = "workflow.changed";
    /** A connection's figures changed: a refresh, an error, its token's expiry. */
    public static final String CONNECTION = "connection.changed";
    /** Sent first on every subscription, with the latest id. */
    public static final String READY = "ready";
    /** The client missed events this instance cannot replay. */
    public static final String RESYNC = "resync";
    /** Before the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private static final Logger LOG = LoggerFactory.getLogger(AdminEvents.class);
    private static final int DEAD_PAGE = 500;
    private static final int DEAD_MAX = 5_000;
    private static final Duration KEEPALIVE = Duration.ofSeconds(15);

    /**
     * One pushed event.
     *
     * @param id   its id
     * @param name its name, such as {@value #STEP_DEAD}
     * @param data its JSON body
     */
    public record Event(long id, String name, Map<String, Object> data) {
    }

    private record Snapshot(String status, String workflowStatus, String integrationsStatus, String workflow,
                            Map<String, WorkStep> dead, Map<String, ConnectionHealth> connections) {
    }

    private final Diagnostics diagnostics;
    private final Recovery recovery;
    private final Duration pollInterval;
    private final int bufferSize;
    private final Duration streamTimeout;
    private final Object lock = new Object();
    private final Deque<Event> buffer = new ArrayDeque<>();
    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private long lastId;
    private Snapshot last;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    /**
     * A stream that is not yet polling.
     *
     * @param diagnostics   Break's diagnostics
     * @param recovery      Break's recovery
     * @param clock         the clock the first id is taken from
     * @param pollInterval  how often to read the state
     * @param bufferSize    how many events to keep for resume
     * @param streamTimeout how long a stream stays open
     */
    public AdminEvents(Diagnostics diagnostics, Recovery recovery, Clock clock, Duration pollInterval, int bufferSize,
                       Duration streamTimeout) {
        this.diagnostics = Objects.requireNonNull(diagnostics, "diagnostics");
        this.recovery = Objects.requireNonNull(recovery, "recovery");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.bufferSize = bufferSize;
        this.streamTimeout = Objects.requireNonNull(streamTimeout, "streamTimeout");
        this.lastId = clock.millis() * 1000;
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            executor = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "break-admin-events");
                thread.setDaemon(true);
                return thread;
            });
            running = true;
        }
        executor.scheduleWithFixedDelay(this::pollSafely, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::keepAlive, KEEPALIVE.toMillis(), KEEPALIVE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops polling and completes every open stream. */
    @Override
    public void stop() {
        ScheduledExecutorService stopping;
        synchronized (lock) {
            if (!running) {
                return;
            }
            running = false;
            stopping = executor;
            executor = null;
        }
        stopping.shutdownNow();
        try {
            stopping.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        for (SseEmitter emitter : emitters) {
            emitter.complete();
        }
        emitters.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * Opens a stream: {@value #READY}, then what the client missed since {@code lastEventId} (or
     * {@value #RESYNC}), then every new event.
     *
     * @param lastEventId the id of the last event the client saw, if it reconnects
     * @return the emitter for Spring MVC to serve
     */
    public SseEmitter subscribe(Optional<Long> lastEventId) {
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        Runnable remove = () -> emitters.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(() -> {
            remove.run();
            emitter.complete();
        });
        emitter.onError(error -> remove.run());
        synchronized (lock) {
            if (!running) {
                emitter.complete();
                return emitter;
            }
            List<Event> replay = new ArrayList<>();
            boolean resync = false;
            if (lastEventId.isPresent() && lastEventId.get() != lastId) {
                long seen = lastEventId.get();
                long oldest = buffer.isEmpty() ? lastId + 1 : buffer.peekFirst().id();
                if (seen >= oldest - 1 && seen < lastId) {
                    buffer.stream().filter(e -> e.id() > seen).forEach(replay::add);
                } else {
                    resync = true;
                }
            }
            boolean open = send(emitter, new Event(lastId, READY, Map.of("latestId", lastId)));
            if (open && resync) {
                open = send(emitter, new Event(lastId, RESYNC, Map.of("latestId", lastId)));
            }
            for (Event event : replay) {
                open = open && send(emitter, event);
            }
            if (open) {
                emitters.add(emitter);
            }
        }
        return emitter;
    }

    /**
     * The events kept for resume, oldest first.
     *
     * @return a copy
     */
    public List<Event> buffered() {
        synchronized (lock) {
            return List.copyOf(buffer);
        }
    }

    /** Reads the state once and pushes what changed since the last read; the first read only sets the baseline. */
    void poll() {
        Snapshot now = read();
        synchronized (lock) {
            if (last != null) {
                diff(last, now).forEach((name, data) -> data.forEach(body -> publish(name, body)));
            }
            last = now;
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (BreakException alreadyLogged) {
            // the boundary logged (and, where its code says so, reported) it; the next poll tries again
        } catch (RuntimeException unexpected) {
            LOG.warn("the admin console's poll failed ({}); it tries again in {}", unexpected.getClass().getName(),
                    pollInterval);
        }
    }

    private Snapshot read() {
        OperationContext system = OperationContext.system();
        Health health = diagnostics.health(system);
        Map<String, WorkStep> dead = new LinkedHashMap<>();
        StepQuery query = StepQuery.inStatus(StepStatus.DEAD, DEAD_PAGE);
        while (dead.size() < DEAD_MAX) {
            Page<WorkStep> page = recovery.listSteps(system, query);
            page.items().forEach(step -> dead.put(step.id(), step));
            if (page.nextCursor().isEmpty()) {
                break;
            }
            query = query.after(page.nextCursor().get());
        }
        Map<String, ConnectionHealth> connections = new LinkedHashMap<>();
        health.integrations().connections().forEach(c -> connections.put(c.connectionId(), c));
        var w = health.workflow();
        String workflow = w.queueDepth() + "|" + w.janitor().lastRunId().orElse("") + "|" + w.paidWithoutCommissions()
                + "|" + w.paidWithoutCommissionsOrStep() + "|" + w.oldestDueAge().isPresent() + "|" + w.janitor().overdue();
        return new Snapshot(health.status().name(), w.status().name(), health.integrations().status().name(), workflow,
                dead, connections);
    }

    private static Map<String, List<Map<String, Object>>> diff(Snapshot before, Snapshot now) {
        Map<String, List<Map<String, Object>>> events = new LinkedHashMap<>();
        if (!before.status().equals(now.status()) || !before.workflowStatus().equals(now.workflowStatus())
                || !before.integrationsStatus().equals(now.integrationsStatus())) {
            add(events, HEALTH, Map.of("status", now.status(), "previous", before.status(),
                    "workflow", now.workflowStatus(), "integrations", now.integrationsStatus()));
        }
        now.dead().forEach((id, step) -> {
            if (!before.dead().containsKey(id)) {
                ConsoleViews.StepView view = ConsoleViews.StepView.of(step);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("id", view.id());
                body.put("type", view.type());
                body.put("dedupKey", view.dedupKey());
                body.put("attempts", view.attempts());
                body.put("lastError", view.lastError() == null ? "" : view.lastError());
                add(events, STEP_DEAD, body);
            }
        });
        before.dead().keySet().stream().filter(id -> !now.dead().containsKey(id))
                .forEach(id -> add(events, STEP_BACK, Map.of("id", id)));
        if (!before.workflow().equals(now.workflow())) {
            add(events, WORKFLOW, Map.of("status", now.workflowStatus()));
        }
        now.connections().forEach((id, connection) -> {
            ConnectionHealth was = before.connections().get(id);
            boolean needs = connection.status() == ConnectionStatus.NEEDS_REAUTH;
            boolean needed = was != null && was.status() == ConnectionStatus.NEEDS_REAUTH;
            Map<String, Object> body = Map.of("connectionId", id, "ownerUserId", connection.ownerUserId(),
                    "maskedAddress", connection.maskedAddress(), "status", connection.status().name());
            if (needs && !needed) {
                add(events, NEEDS_REAUTH, body);
            } else if (needed && !needs) {
                add(events, RECOVERED, body);
            } else if (was == null || !was.equals(connection)) {
                add(events, CONNECTION, body);
            }
        });
        before.connections().forEach((id, connection) -> {
            if (!now.connections().containsKey(id)) {
                if (connection.status() == ConnectionStatus.NEEDS_REAUTH) {
                    add(events, RECOVERED, Map.of("connectionId", id, "ownerUserId", connection.ownerUserId(),
                            "maskedAddress", connection.maskedAddress(), "status", "DISCONNECTED"));
                } else {
                    add(events, CONNECTION, Map.of("connectionId", id, "status", "DISCONNECTED"));
                }
            }
        });
        return events;
    }

    private static void add(Map<String, List<Map<String, Object>>> events, String name, Map<String, Object> body) {
        events.computeIfAbsent(name, n -> new ArrayList<>()).add(body);
    }

    /** Under {@link #lock}. */
    private void publish(String name, Map<String, Object> data) {
        Event event = new Event(++lastId, name, data);
        buffer.addLast(event);
        while (buffer.size() > bufferSize) {
            buffer.removeFirst();
        }
        for (SseEmitter emitter : emitters) {
            if (!send(emitter, event)) {
                emitters.remove(emitter);
            }
        }
    }

    private void keepAlive() {
        synchronized (lock) {
            for (SseEmitter emitter : emitters) {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException gone) {
                    emitters.remove(emitter);
                }
            }
        }
    }

    private static boolean send(SseEmitter emitter, Event event) {
        try {
            emitter.send(SseEmitter.event().id(Long.toString(event.id())).name(event.name()).reconnectTime(1000)
                    .data(event.data(), MediaType.APPLICATION_JSON));
            return true;
        } catch (IOException | IllegalStateException gone) {
            return false;
        }
    }
}
