package com.breakagency.core.recovery;

import com.breakagency.core.StepsRun;
import com.breakagency.core.boundary.Boundary;
import com.breakagency.ports.api.recovery.JanitorReport;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.Redaction;
import com.breakagency.ports.spi.IdGenerator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The threads an agency starts for its background work: worker threads that poll the queue, and the
 * janitor on its schedule, all on one {@link ScheduledThreadPoolExecutor} (no sleeping threads).
 * {@link #start()} is idempotent; {@link #close()} lets running steps finish within the shutdown timeout,
 * then stops the executor and waits for its threads to end. Hosts that drive the work themselves call
 * {@link #runDueSteps()} and {@link #runJanitor()} instead. Thread-safe.
 */
public final class BackgroundWork implements AutoCloseable {

    /** Every thread of an agency's background work is named {@code THREAD_PREFIX + workerId + "-" + n}. */
    public static final String THREAD_PREFIX = "break-worker-";

    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.LOGGER_NAME);

    private final StepRunner runner;
    private final Janitor janitor;
    private final IdGenerator ids;
    private final RecoverySettings settings;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean pollFailing = new AtomicBoolean();
    private final AtomicBoolean janitorFailing = new AtomicBoolean();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private ScheduledThreadPoolExecutor executor;
    private boolean closed;

    /**
     * Wires the background work; nothing starts until {@link #start()}.
     *
     * @param runner   runs due steps
     * @param janitor  sweeps for broken states
     * @param ids      makes the janitor's correlation ids
     * @param settings threads, intervals and timeouts
     */
    public BackgroundWork(StepRunner runner, Janitor janitor, IdGenerator ids, RecoverySettings settings) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.janitor = Objects.requireNonNull(janitor, "janitor");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Starts the worker threads (each polls at once, then after every poll interval in which nothing was
     * due) and the janitor (at once, then every janitor interval). Idempotent.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the agency is closed");
        }
        if (executor != null) {
            return;
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, THREAD_PREFIX + settings.workerId() + "-" + count.incrementAndGet());
            thread.setDaemon(false);
            threads.add(thread);
            return thread;
        };
        executor = new ScheduledThreadPoolExecutor(settings.workerThreads() + 1, factory);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        long poll = settings.pollInterval().toMillis();
        for (int i = 0; i < settings.workerThreads(); i++) {
            executor.scheduleWithFixedDelay(this::poll, 0, poll, TimeUnit.MILLISECONDS);
        }
        executor.scheduleWithFixedDelay(this::sweep, 0, settings.janitorInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("background work started: {} worker thread(s) polling every {}, janitor every {}, worker id {}",
                settings.workerThreads(), settings.pollInterval(), settings.janitorInterval(), settings.workerId());
    }

    /**
     * Claims and runs due steps once on the calling thread: every step due now, up to
     * {@value StepRunner#MAX_STEPS_PER_RUN}.
     *
     * @return what ran
     * @throws BreakException if the queue cannot be read or written
     */
    public StepsRun runDueSteps() {
        return runner.runDueSteps(stopping::get);
    }

    /**
     * Runs the janitor once on the calling thread, as the system.
     *
     * @return what it found
     * @throws BreakException if the stores cannot be read or written
     */
    public JanitorReport runJanitor() {
        OperationContext context = new OperationContext(Actor.system(),
                StepRunner.correlationId("janitor:" + ids.nextId()), Optional.of(RecoveryOperations.RUN_JANITOR.name()));
        Map<String, String> previousMdc = MDC.getCopyOfContextMap();
        try {
            MDC.put(Boundary.MDC_OPERATION, context.operationName());
            MDC.put(Boundary.MDC_USER_ID, context.actor().userId());
            MDC.put(Boundary.MDC_CORRELATION_ID, context.correlationId());
            return janitor.run(context);
        } finally {
            if (previousMdc == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previousMdc);
            }
        }
    }

    private void poll() {
        try {
            runDueSteps();
            if (pollFailing.compareAndSet(true, false)) {
                LOG.info("the worker reaches the work queue again");
            }
        } catch (RuntimeException failure) {
            trouble(pollFailing, "the worker could not poll the work queue", failure);
        }
    }

    private void sweep() {
        try {
            runJanitor();
            if (janitorFailing.compareAndSet(true, false)) {
                LOG.info("the janitor runs again");
            }
        } catch (RuntimeException failure) {
            trouble(janitorFailing, "the janitor could not run", failure);
        }
    }

    /** Says so once per streak of failures: the first at WARN, the rest at DEBUG until one succeeds. */
    private static void trouble(AtomicBoolean failing, String what, RuntimeException failure) {
        BreakException mapped = Boundary.map(failure);
        String line = what + ": " + mapped.code() + "/" + mapped.reason() + " " + Redaction.redact(mapped.detail())
                + "; retrying on schedule";
        if (failing.compareAndSet(false, true)) {
            LOG.warn(line, Redaction.redact(failure));
        } else {
            LOG.debug(line);
        }
    }

    /**
     * Stops the background work: no new poll or sweep starts, a running step finishes (waiting at most the
     * shutdown timeout; then the threads are interrupted), and the threads have ended when this returns.
     * Idempotent; {@link #runDueSteps()} afterwards runs nothing.
     */
    @Override
    public void close() {
        ScheduledThreadPoolExecutor running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopping.set(true);
            running = executor;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        try {
            if (!running.awaitTermination(settings.shutdownTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.warn("background work did not finish within {}; interrupting it", settings.shutdownTimeout());
                running.shutdownNow();
                running.awaitTermination(1, TimeUnit.SECONDS);
            }
            for (Thread thread : threads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException interrupted) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("background work stopped");
    }
}
