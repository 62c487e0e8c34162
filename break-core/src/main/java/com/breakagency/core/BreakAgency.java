package com.breakagency.core;

import com.breakagency.ports.api.AuditTrail;
import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.Diagnostics;
import com.breakagency.ports.api.Finance;
import com.breakagency.ports.api.Integrations;
import com.breakagency.ports.api.Recovery;
import com.breakagency.ports.api.recovery.JanitorReport;
import java.time.Duration;

/**
 * The composition root: the one object a host builds and keeps. It hands out the driving ports, and
 * owns the validator and the background work Break runs (the worker that runs queued steps, the janitor);
 * {@link #close()} releases them.
 *
 * <pre>{@code
 * try (BreakAgency agency = BreakAgency.builder()
 *         .persistence(persistence)           // InMemoryPersistence, JdbcPersistence, or your own
 *         .build()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Every driving-port call passes Break's boundary: validation, authorization, a unit of work, error
 * mapping, one log line and (for reportable codes) one report. An agency is thread-safe; build one per
 * database and share it.
 */
public interface BreakAgency extends AutoCloseable {

    /**
     * The logger every failed call is written to, once, at its code's severity: the one to route to an
     * alerting appender, or to leave out of an error tracker that receives reports already.
     */
    String BOUNDARY_LOGGER_NAME = "com.breakagency.boundary";

    /** The logger of the background work: a failed attempt of a queued step, the janitor's runs. */
    String RECOVERY_LOGGER_NAME = "com.breakagency.recovery";

    /**
     * Starts a builder.
     *
     * @return a builder with the documented defaults
     */
    static BreakAgencyBuilder builder() {
        return new BreakAgencyBuilder();
    }

    /**
     * The CRM: brands, contacts, talent, deals, timelines.
     *
     * @return the CRM driving port
     */
    Crm crm();

    /**
     * Who did what: the audit events about one record, authorized like the record's own read.
     *
     * @return the audit trail driving port
     */
    AuditTrail auditTrail();

    /**
     * Finance: invoices, payments, commissions.
     *
     * @return the finance driving port
     */
    Finance finance();

    /**
     * Repairs of broken workflows (ADMIN, SYSTEM).
     *
     * @return the recovery driving port
     */
    Recovery recovery();

    /**
     * Break's health, for an operator's dashboard or a health endpoint (ADMIN, SYSTEM).
     *
     * @return the diagnostics driving port
     */
    Diagnostics diagnostics();

    /**
     * Connections to users' accounts at OAuth providers: connect, disconnect, read, access tokens.
     *
     * @return the integrations driving port
     * @throws IllegalStateException if the agency was built without
     *                               {@link BreakAgencyBuilder#integrations(com.breakagency.ports.spi.IntegrationStores)}
     */
    Integrations integrations();

    /**
     * Starts the background work: {@link BreakAgencyBuilder#workerThreads(int)} threads that claim due steps from the
     * work queue and run them (polling every {@link BreakAgencyBuilder#pollInterval(Duration)} while nothing is due),
     * and the janitor every {@link BreakAgencyBuilder#janitorInterval(Duration)}, the first time at once. The threads
     * are not daemon threads: {@link #close()} stops them. Idempotent; a host that schedules work itself
     * calls {@link #runDueSteps()} and {@link #runJanitor()} instead.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    void start();

    /**
     * Claims and runs the steps due now, one at a time on the calling thread, and returns: for hosts that
     * drive the worker themselves (a scheduler of their own, a test with a {@code TestClock}). Safe beside
     * {@link #start()}'s threads and other instances: a step is run by one worker at a time. A failed
     * attempt is logged once at WARN and retried after the backoff; a step out of attempts is DEAD and
     * reported once as WORKFLOW_BREAK/RETRIES_EXHAUSTED.
     *
     * @return how many steps ran, completed, failed and went DEAD
     * @throws com.breakagency.ports.error.BreakException if the work queue cannot be reached
     * @throws IllegalStateException after {@link #close()}
     */
    StepsRun runDueSteps();

    /**
     * Runs the janitor once on the calling thread, as the system: it queues the repair of broken states no
     * step covers and records what it found. Safe beside other instances' janitors.
     *
     * @return what it found
     * @throws com.breakagency.ports.error.BreakException if the stores cannot be reached
     * @throws IllegalStateException after {@link #close()}
     */
    JanitorReport runJanitor();

    /**
     * Stops the background work (a running step finishes, within {@link BreakAgencyBuilder#shutdownTimeout(Duration)}),
     * then closes the error reporter and releases the validator. Idempotent.
     */
    @Override
    void close();
}
