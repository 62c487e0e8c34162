package com.breakagency.spring.boot;

import com.breakagency.core.BreakAgency;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the agency's worker and janitor once the context is refreshed (when enabled) and closes the agency
 * when the context shuts down. Its phase, {@value #PHASE}, comes after the web server's graceful shutdown
 * (requests in flight finish with a working agency) and before the web server stops; closing waits for
 * running steps at most {@code break.worker.shutdown-timeout}, which should fit Spring's
 * {@code spring.lifecycle.timeout-per-shutdown-phase}.
 */
public class BreakLifecycle implements SmartLifecycle {

    /** Between the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) and its stop ({@code - 2048}). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

    private final BreakAgency agency;
    private final boolean workerEnabled;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean workerStarted = new AtomicBoolean();

    /**
     * A lifecycle for an agency.
     *
     * @param agency        the agency
     * @param workerEnabled whether {@link #start()} starts the worker
     */
    public BreakLifecycle(BreakAgency agency, boolean workerEnabled) {
        this.agency = Objects.requireNonNull(agency, "agency");
        this.workerEnabled = workerEnabled;
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true) && workerEnabled) {
            agency.start();
            workerStarted.set(true);
        }
    }

    /** Closes the agency: the worker stops after its running steps, the reporter flushes. */
    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            agency.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /**
     * Whether this lifecycle started the agency's worker.
     *
     * @return true once {@link #start()} started it
     */
    public boolean workerStarted() {
        return workerStarted.get();
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
