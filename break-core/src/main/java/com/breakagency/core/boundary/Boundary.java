package com.breakagency.core.boundary;

import com.breakagency.core.internal.GuardedTelemetry;
import com.breakagency.core.BreakAgency;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.error.RedactedThrowable;
import com.breakagency.ports.error.Redaction;
import com.breakagency.ports.error.Severity;
import com.breakagency.ports.spi.ErrorReport;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.Telemetry;
import com.breakagency.ports.spi.Transactions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one place every driving-port call passes through, in six steps:
 * <ol>
 *   <li>put {@code operation}, {@code userId} and {@code correlationId} into the SLF4J MDC (and restore
 *       the MDC exactly as it was afterwards);</li>
 *   <li>validate the command;</li>
 *   <li>authorize the actor from the policy table, before anything is looked up;</li>
 *   <li>run the use case in a unit of work;</li>
 *   <li>map what escaped: a {@link BreakException} stays itself, anything else becomes
 *       {@link ErrorCode#UNHANDLED_ERROR} with the cause kept;</li>
 *   <li>log it once, here, at the code's severity, and report it when the code says so: after the unit
 *       of work has ended, never from inside it.</li>
 * </ol>
 * Nothing else in Break logs or reports an error it throws; the background worker hands its one
 * reportable failure (a step out of attempts) to {@link #reportBackground}. Every value it logs, puts in
 * the MDC or reports (detail, metadata keys and values, user id, cause chain) passes {@link Redaction},
 * which also escapes control characters, so no value can forge a log line. Client errors
 * ({@link Severity#DEBUG}) are logged at the level the boundary was made with. Thread-safe.
 */
public final class Boundary {

    /** The logger failures are written to, once each. */
    public static final String LOGGER_NAME = BreakAgency.BOUNDARY_LOGGER_NAME;
    /** MDC key of the operation name. */
    public static final String MDC_OPERATION = "operation";
    /** MDC key of the (redacted) user id. */
    public static final String MDC_USER_ID = "userId";
    /** MDC key of the correlation id. */
    public static final String MDC_CORRELATION_ID = "correlationId";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private final CommandValidator validator;
    private final AccessPolicy policy;
    private final Transactions transactions;
    private final ErrorReporter reporter;
    private final Clock clock;
    private final Severity clientErrorLevel;
    private final Telemetry telemetry;

    /**
     * Wires a boundary that logs client errors at DEBUG.
     *
     * @param validator    validates commands
     * @param policy       the policy table
     * @param transactions runs units of work
     * @param reporter     receives reported errors
     * @param clock        stamps reports
     */
    public Boundary(CommandValidator validator, AccessPolicy policy, Transactions transactions,
                    ErrorReporter reporter, Clock clock) {
        this(validator, policy, transactions, reporter, clock, Severity.DEBUG);
    }

    /**
     * Wires a boundary.
     *
     * @param validator        validates commands
     * @param policy           the policy table
     * @param transactions     runs units of work
     * @param reporter         receives reported errors
     * @param clock            stamps reports
     * @param clientErrorLevel the level client errors (codes of severity {@link Severity#DEBUG}) are logged at
     */
    public Boundary(CommandValidator validator, AccessPolicy policy, Transactions transactions,
                    ErrorReporter reporter, Clock clock, Severity clientErrorLevel) {
        this(validator, policy, transactions, reporter, clock, clientErrorLevel, Telemetry.NOOP);
    }

    /**
     * Wires a boundary that tells a telemetry about every call it runs.
     *
     * @param validator        validates commands
     * @param policy           the policy table
     * @param transactions     runs units of work
     * @param reporter         receives reported errors
     * @param clock            stamps reports
     * @param clientErrorLevel the level client errors (codes of severity {@link Severity#DEBUG}) are logged at
     * @param telemetry        told each call's operation, outcome and duration; what it throws is swallowed
     */
    public Boundary(CommandValidator validator, AccessPolicy policy, Transactions transactions,
                    ErrorReporter reporter, Clock clock, Severity clientErrorLevel, Telemetry telemetry) {
        this.telemetry = telemetry instanceof GuardedTelemetry ? telemetry
                : new GuardedTelemetry(Objects.requireNonNull(telemetry, "telemetry"));
        this.validator = Objects.requireNonNull(validator, "validator");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clientErrorLevel = Objects.requireNonNull(clientErrorLevel, "clientErrorLevel");
    }

    /**
     * Runs one driving-port call. The context is validated before the command (and before its user id
     * reaches the MDC). Every {@link Throwable} that escapes is mapped, errors such as a stack overflow
     * included; only a {@link VirtualMachineError} other than a {@link StackOverflowError} is logged and
     * rethrown as it is.
     *
     * @param context   who calls; null is UNAUTHENTICATED, logged under the correlation id the host put in
     *                  the MDC under {@link #MDC_CORRELATION_ID} (else a fresh one), which the error carries
     *                  under {@link BreakException#CORRELATION_ID} so {@code Problem.of(error, null)} shows it
     * @param operation the operation, as the policy table names it
     * @param command   the command, validated before anything else
     * @param useCase   the use case, run in a unit of work
     * @param <C>       the command type
     * @param <R>       the result type
     * @return the use case's result, after the commit
     * @throws BreakException every failure, mapped, logged and (where the code says so) reported
     */
    public <C, R> R call(OperationContext context, Operation operation, C command,
                         BiFunction<Call, ? super C, R> useCase) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(useCase, "useCase");
        long started = System.nanoTime();
        Map<String, String> previousMdc = MDC.getCopyOfContextMap();
        OperationContext named = context == null
                ? anonymous(operation, MDC.get(MDC_CORRELATION_ID))
                : context.withOperation(operation.name());
        BreakException ended = null;
        try {
            MDC.put(MDC_OPERATION, operation.name());
            MDC.put(MDC_CORRELATION_ID, named.correlationId());
            try {
                if (context == null) {
                    MDC.put(MDC_USER_ID, "anonymous");
                    throw BreakException.builder(ErrorCode.UNAUTHENTICATED).reason(Reason.NO_ACTOR)
                            .detail("No actor was given for the call.")
                            .metadata(BreakException.CORRELATION_ID, named.correlationId()).build();
                }
                // the user id reaches the MDC (and Redaction) only once it is known to be of bounded size
                MDC.put(MDC_USER_ID, "unvalidated");
                validator.validateContext(context);
                MDC.put(MDC_USER_ID, Redaction.redact(context.actor().userId()));
                validator.validate(command);
                Access access = policy.decide(operation, context.actor());
                Call call = new Call(named, access, this);
                R result = transactions.inTransaction(() -> useCase.apply(call, command));
                ended = call.ending();
                if (ended == null) {
                    telemetry.call(operation.name(), Telemetry.OK, GuardedTelemetry.since(started));
                    return result;
                }
            } catch (Throwable escaped) {
                if (escaped instanceof VirtualMachineError fatal && !(escaped instanceof StackOverflowError)) {
                    // the JVM cannot be trusted to go on (out of memory, an internal error): say so, rethrow
                    log(BreakException.unhandled(fatal));
                    throw fatal;
                }
                BreakException mapped = map(escaped);
                if (transactions.isActive()) {
                    // a call nested in a caller's unit of work: report once that unit has ended
                    log(mapped);
                    Map<String, String> mdc = MDC.getCopyOfContextMap();
                    transactions.afterCommit(() -> report(named, mapped, mdc));
                } else {
                    log(mapped);
                    report(named, mapped, MDC.getCopyOfContextMap());
                }
                telemetry.call(operation.name(), mapped.code().name(), GuardedTelemetry.since(started));
                throw mapped;
            }
            // the use case ended the call with an error after its unit of work committed (Call.endWith)
            LOG.debug("{}/{}: {} (after the unit of work committed)", ended.code(), ended.reason(),
                    Redaction.redact(ended.detail()));
            telemetry.call(operation.name(), ended.code().name(), GuardedTelemetry.since(started));
            throw ended;
        } finally {
            restore(previousMdc);
        }
    }

    /** A call without a context keeps the host's request id from the MDC when it has the documented form. */
    private static OperationContext anonymous(Operation operation, String hostCorrelationId) {
        if (hostCorrelationId != null && hostCorrelationId.length() <= 128) {
            try {
                return new OperationContext(Actor.system(), hostCorrelationId, Optional.of(operation.name()));
            } catch (IllegalArgumentException notOfTheForm) {
                // fall through to a fresh id
            }
        }
        return OperationContext.system().withOperation(operation.name());
    }

    /**
     * The telemetry this boundary tells about calls, guarded: what it throws is swallowed.
     *
     * @return the telemetry, {@link Telemetry#NOOP} behind a guard unless one was given
     */
    public Telemetry telemetry() {
        return telemetry;
    }

    /**
     * Maps anything that escaped a call to Break's taxonomy.
     *
     * @param escaped what escaped
     * @return the same exception if it is a {@link BreakException}, else UNHANDLED_ERROR with it as cause
     */
    public static BreakException map(Throwable escaped) {
        return escaped instanceof BreakException known ? known : BreakException.unhandled(escaped);
    }

    /**
     * Logs and reports a failure of work Break runs by itself (a queued step that ran out of attempts)
     * exactly as a failed call's: once, redacted, at the code's severity, and reported when the code says
     * so. Inside a unit of work both wait for its commit and never happen if it rolls back; outside one
     * they happen now. Background work that will be retried is not a failure yet and does not come here.
     *
     * @param context the system actor, the work's correlation id and its operation name
     * @param error   the failure
     */
    public void reportBackground(OperationContext context, BreakException error) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(error, "error");
        if (transactions.isActive()) {
            reportAfterCommit(context, error);
        } else {
            log(error);
            report(context, error, MDC.getCopyOfContextMap());
        }
    }

    void reportAfterCommit(OperationContext context, BreakException error) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        transactions.afterCommit(() -> {
            Map<String, String> previous = MDC.getCopyOfContextMap();
            try {
                restore(mdc);
                log(error);
                report(context, error, mdc);
            } finally {
                restore(previous);
            }
        });
    }

    private void log(BreakException error) {
        String detail = Redaction.redact(error.detail());
        Map<String, String> metadata = redacted(error.metadata());
        Severity severity = error.code().severity() == Severity.DEBUG ? clientErrorLevel : error.code().severity();
        switch (severity) {
            case DEBUG -> LOG.debug("{}/{}: {} {}", error.code(), error.reason(), detail, metadata);
            case INFO -> LOG.info("{}/{}: {} {}", error.code(), error.reason(), detail, metadata);
            case WARN -> LOG.warn("{}/{}: {} {}", error.code(), error.reason(), detail, metadata);
            case ERROR -> {
                RedactedThrowable cause = Redaction.redact(error.getCause());
                if (cause == null) {
                    LOG.error("{}/{}: {} {}", error.code(), error.reason(), detail, metadata);
                } else {
                    LOG.error("{}/{}: {} {}", error.code(), error.reason(), detail, metadata, cause);
                }
            }
        }
    }

    private void report(OperationContext context, BreakException error, Map<String, String> mdc) {
        if (!error.code().reported()) {
            return;
        }
        ErrorReport report = new ErrorReport(error.code(), error.reason(), Redaction.redact(error.detail()),
                context.operationName(), Redaction.redact(context.actor().userId()), context.correlationId(),
                redacted(error.metadata()), Optional.ofNullable(Redaction.redact(error.getCause())), clock.instant());
        try {
            reporter.report(report);
        } catch (RuntimeException reporterFailure) {
            // the report is lost, the call's outcome is not: say so once, without the reporter's stack
            Map<String, String> previous = MDC.getCopyOfContextMap();
            restore(mdc);
            LOG.warn("error reporter {} failed to take a {} report: {}", reporter.getClass().getName(),
                    error.code(), Redaction.redact(String.valueOf(reporterFailure)));
            restore(previous);
        }
    }

    private static Map<String, String> redacted(Map<String, String> metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        metadata.forEach((k, v) -> out.put(Redaction.redact(k), Redaction.redact(v)));
        return out;
    }

    private static void restore(Map<String, String> previous) {
        if (previous == null || previous.isEmpty()) {
            MDC.clear();
        } else {
            MDC.setContextMap(previous);
        }
    }
}
