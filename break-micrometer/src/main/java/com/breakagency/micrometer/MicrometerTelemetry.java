package com.breakagency.micrometer;

import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.spi.QueueSnapshot;
import com.breakagency.ports.spi.Telemetry;
import com.breakagency.ports.spi.TelemetryScope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Break's {@link Telemetry} as Micrometer meters. Pass one to {@code BreakAgency.builder().telemetry(...)}:
 *
 * <pre>{@code
 * BreakAgency agency = BreakAgency.builder().persistence(persistence)
 *         .telemetry(MicrometerTelemetry.create(registry))
 *         .build();
 * }</pre>
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th></tr>
 *   <tr><td>{@value #CALLS}</td><td>timer</td><td>{@code operation}, {@code outcome}</td></tr>
 *   <tr><td>{@value #STEPS}</td><td>counter</td><td>{@code type}, {@code outcome} (COMPLETED, FAILED, DEAD)</td></tr>
 *   <tr><td>{@value #QUEUE_DEPTH}</td><td>gauge</td><td>{@code type}, {@code status}</td></tr>
 *   <tr><td>{@value #QUEUE_OLDEST_DUE_AGE}</td><td>time gauge (seconds)</td><td>none</td></tr>
 *   <tr><td>{@value #QUEUE_READ_FAILURES}</td><td>counter</td><td>none</td></tr>
 *   <tr><td>{@value #JANITOR_RUNS}</td><td>timer</td><td>none</td></tr>
 *   <tr><td>{@value #JANITOR_FINDINGS}</td><td>counter</td><td>{@code kind}</td></tr>
 *   <tr><td>{@value #TOKEN_REFRESHES}</td><td>counter</td><td>{@code provider}, {@code outcome}</td></tr>
 *   <tr><td>{@value #SYNC_QUOTA_UNITS}</td><td>counter</td><td>{@code provider}</td></tr>
 * </table>
 *
 * <p>Every tag value comes from a bounded set, never an id, an address or a free text: operations from the
 * agency's policy table, call outcomes {@code OK} or an {@link ErrorCode} name, step types those the agency has
 * handlers for, statuses {@link StepStatus} names. A value outside its set is counted under {@value #OTHER}.
 * Tags whose set only integrations will know (finding kinds, providers, refresh outcomes) take at most
 * {@value #MAX_OPEN_VALUES} distinct values of the form {@code [A-Za-z][A-Za-z0-9_.-]{0,31}}, then {@value #OTHER}.
 *
 * <p>The queue gauges read the work queue when a registry reads them (a scrape, a publish), at most once per
 * refresh interval ({@link #DEFAULT_QUEUE_REFRESH}), through the agency's {@link TelemetryScope}: no thread of
 * its own. A read that fails leaves the gauges at their last values and counts a {@value #QUEUE_READ_FAILURES}.
 * Thread-safe.
 */
public final class MicrometerTelemetry implements Telemetry {

    /** Timer of driving-port calls. */
    public static final String CALLS = "break.calls";
    /** Counter of step attempts by outcome. */
    public static final String STEPS = "break.steps";
    /** Gauge of queued steps by type and status. */
    public static final String QUEUE_DEPTH = "break.queue.depth";
    /** Time gauge of how long the oldest due step has waited; zero when none is due. */
    public static final String QUEUE_OLDEST_DUE_AGE = "break.queue.oldest.due.age";
    /** Counter of queue reads for the gauges that failed. */
    public static final String QUEUE_READ_FAILURES = "break.queue.read.failures";
    /** Timer of janitor runs. */
    public static final String JANITOR_RUNS = "break.janitor.runs";
    /** Counter of what janitor runs found, by kind. */
    public static final String JANITOR_FINDINGS = "break.janitor.findings";
    /** Counter of OAuth token refreshes by provider and outcome (integrations). */
    public static final String TOKEN_REFRESHES = "break.token.refreshes";
    /** Counter of sync quota units spent by provider (integrations). */
    public static final String SYNC_QUOTA_UNITS = "break.sync.quota.units";

    /** The tag value of anything outside its bounded set. */
    public static final String OTHER = "OTHER";
    /** The outcome tag of a step attempt that completed it. */
    public static final String COMPLETED = "COMPLETED";
    /** The outcome tag of a step attempt that failed and will be retried. */
    public static final String FAILED = "FAILED";
    /** The outcome tag of a step attempt that left it DEAD. */
    public static final String DEAD = "DEAD";
    /** How many distinct values a tag with an open set may take before {@value #OTHER}. */
    public static final int MAX_OPEN_VALUES = 32;
    /** How often the queue gauges read the queue at most, by default: every 10 seconds. */
    public static final Duration DEFAULT_QUEUE_REFRESH = Duration.ofSeconds(10);

    /** Every value the outcome tag of {@value #CALLS} can take. */
    public static final Set<String> CALL_OUTCOMES = java.util.stream.Stream.concat(java.util.stream.Stream.of(OK, OTHER),
            Arrays.stream(ErrorCode.values()).map(Enum::name)).collect(Collectors.toUnmodifiableSet());

    private static final Pattern OPEN_VALUE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,31}");

    private final MeterRegistry registry;
    private final long refreshNanos;
    private final Map<String, Set<String>> openValues = new ConcurrentHashMap<>();
    private volatile TelemetryScope scope;
    private volatile Set<String> operations = Set.of();
    private volatile Set<String> stepTypes = Set.of();
    private QueueSnapshot lastQueue;
    private long lastQueueReadNanos;
    private boolean queueRead;

    private MicrometerTelemetry(MeterRegistry registry, Duration queueRefresh) {
        this.registry = Objects.requireNonNull(registry, "registry");
        if (Objects.requireNonNull(queueRefresh, "queueRefresh").isNegative()) {
            throw new IllegalArgumentException("queueRefresh must not be negative");
        }
        this.refreshNanos = queueRefresh.toNanos();
    }

    /**
     * Meters in a registry, the queue read at most every {@link #DEFAULT_QUEUE_REFRESH}.
     *
     * @param registry where the meters go
     * @return the telemetry, for one agency
     */
    public static MicrometerTelemetry create(MeterRegistry registry) {
        return new MicrometerTelemetry(registry, DEFAULT_QUEUE_REFRESH);
    }

    /**
     * Meters in a registry, the queue read at most once per refresh interval.
     *
     * @param registry     where the meters go
     * @param queueRefresh how long a queue read serves the gauges; zero reads on every gauge read
     * @return the telemetry, for one agency
     */
    public static MicrometerTelemetry create(MeterRegistry registry, Duration queueRefresh) {
        return new MicrometerTelemetry(registry, queueRefresh);
    }

    /**
     * Takes the agency's bounded names and registers the queue gauges: one per step type (and {@value #OTHER})
     * and status, and the oldest due step's age.
     *
     * @param value the agency's scope
     */
    @Override
    public void bind(TelemetryScope value) {
        this.scope = Objects.requireNonNull(value, "scope");
        this.operations = Set.copyOf(value.operations());
        this.stepTypes = Set.copyOf(value.stepTypes());
        java.util.List<String> types = new java.util.ArrayList<>(stepTypes);
        types.add(OTHER);
        for (String type : types) {
            for (StepStatus status : StepStatus.values()) {
                Gauge.builder(QUEUE_DEPTH, this, t -> t.depth(type, status))
                        .tags(Tags.of("type", type, "status", status.name()))
                        .description("Steps in Break's work queue by type and status")
                        .strongReference(true).register(registry);
            }
        }
        TimeGauge.builder(QUEUE_OLDEST_DUE_AGE, this, TimeUnit.SECONDS, MicrometerTelemetry::oldestDueSeconds)
                .description("How long the step that has been due longest has waited; 0 when none is due")
                .strongReference(true).register(registry);
    }

    @Override
    public void call(String operation, String outcome, Duration duration) {
        Timer.builder(CALLS).description("Break's driving-port calls")
                .tags("operation", bounded(operation, operations), "outcome", bounded(outcome, CALL_OUTCOMES))
                .register(registry).record(duration);
    }

    @Override
    public void stepCompleted(String type) {
        step(type, COMPLETED);
    }

    @Override
    public void stepFailed(String type) {
        step(type, FAILED);
    }

    @Override
    public void stepDead(String type) {
        step(type, DEAD);
    }

    private void step(String type, String outcome) {
        Counter.builder(STEPS).description("Attempts of Break's queued steps by outcome")
                .tags("type", bounded(type, stepTypes), "outcome", outcome).register(registry).increment();
    }

    @Override
    public void janitorRan(Duration duration) {
        Timer.builder(JANITOR_RUNS).description("Runs of Break's janitor").register(registry).record(duration);
    }

    @Override
    public void janitorFound(String kind) {
        Counter.builder(JANITOR_FINDINGS).description("Broken states Break's janitor found and queued a repair for")
                .tags("kind", open("kind", kind)).register(registry).increment();
    }

    @Override
    public void tokenRefresh(String provider, String outcome) {
        Counter.builder(TOKEN_REFRESHES).description("OAuth token refreshes by provider and outcome")
                .tags("provider", open("provider", provider), "outcome", open("refreshOutcome", outcome))
                .register(registry).increment();
    }

    @Override
    public void syncQuotaSpent(String provider, long units) {
        if (units > 0) {
            Counter.builder(SYNC_QUOTA_UNITS).description("Provider quota units spent by sync")
                    .tags("provider", open("provider", provider)).register(registry).increment(units);
        }
    }

    private static String bounded(String value, Set<String> allowed) {
        return value != null && allowed.contains(value) ? value : OTHER;
    }

    /** A value of a set only integrations know: of the documented form, at most {@value #MAX_OPEN_VALUES} of them. */
    private String open(String tag, String value) {
        if (value == null || !OPEN_VALUE.matcher(value).matches()) {
            return OTHER;
        }
        Set<String> seen = openValues.computeIfAbsent(tag, t -> ConcurrentHashMap.newKeySet());
        if (seen.contains(value)) {
            return value;
        }
        synchronized (seen) {
            if (seen.size() >= MAX_OPEN_VALUES) {
                return OTHER;
            }
            seen.add(value);
            return value;
        }
    }

    private double depth(String type, StepStatus status) {
        QueueSnapshot queue = queue();
        if (queue == null) {
            return Double.NaN;
        }
        if (!OTHER.equals(type)) {
            return queue.count(type, status);
        }
        return queue.depth().entrySet().stream().filter(e -> !stepTypes.contains(e.getKey()))
                .mapToLong(e -> e.getValue().getOrDefault(status, 0L)).sum();
    }

    private double oldestDueSeconds() {
        QueueSnapshot queue = queue();
        if (queue == null) {
            return Double.NaN;
        }
        return queue.oldestDueAge().map(age -> age.toNanos() / 1e9).orElse(0.0);
    }

    /** The last queue read, renewed when it is older than the refresh interval; null if none succeeded. */
    private synchronized QueueSnapshot queue() {
        TelemetryScope bound = scope;
        long now = registry.config().clock().monotonicTime();
        if (bound != null && (!queueRead || now - lastQueueReadNanos >= refreshNanos)) {
            queueRead = true;
            lastQueueReadNanos = now;
            try {
                lastQueue = bound.queue();
            } catch (RuntimeException unreachable) {
                Counter.builder(QUEUE_READ_FAILURES).description("Reads of Break's work queue for the gauges that failed")
                        .register(registry).increment();
            }
        }
        return lastQueue;
    }
}
