package com.breakagency.adapter.sentry;

import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.error.RedactedThrowable;
import com.breakagency.ports.error.Severity;
import com.breakagency.ports.spi.ErrorReport;
import io.sentry.IScope;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.SentryStackTraceFactory;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.SentryStackFrame;
import io.sentry.protocol.SentryStackTrace;
import io.sentry.protocol.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Turns an {@link ErrorReport} into what Sentry receives: the event itself (message, time, operation,
 * exception chain) and the per-report scope data (level, fingerprint, tags, user, the {@code break}
 * context). Both modes of {@link SentryErrorReporter} use it, so both send the same thing.
 */
final class ReportEvents {

    /** Tag holding the error code. */
    static final String TAG_CODE = "error.code";
    /** Tag holding the reason. */
    static final String TAG_REASON = "error.reason";
    /** Tag holding the operation. */
    static final String TAG_OPERATION = "operation";
    /** Tag holding the correlation id. */
    static final String TAG_CORRELATION_ID = "correlation_id";
    /** Name of the context holding the report's metadata. */
    static final String CONTEXT = "break";
    /** Mechanism type of the outermost exception. */
    static final String MECHANISM = "break.boundary";

    /** A chain longer than this is cut: Sentry shows the outermost exceptions first anyway. */
    private static final int MAX_CHAIN = 32;

    private ReportEvents() {
    }

    /**
     * The event for a report, without the per-report scope data.
     *
     * @param report the report
     * @param frames turns stack trace elements into Sentry frames, with the SDK's in-app rules
     * @return a new event
     */
    static SentryEvent event(ErrorReport report, SentryStackTraceFactory frames) {
        SentryEvent event = new SentryEvent(Date.from(report.occurredAt()));
        Message message = new Message();
        message.setFormatted(report.code() + "/" + report.reason() + ": " + report.detail());
        event.setMessage(message);
        event.setTransaction(report.operation());
        report.failure().ifPresent(failure -> event.setExceptions(exceptions(failure, frames)));
        return event;
    }

    /**
     * Writes the per-report data onto a scope that serves this one report only.
     *
     * @param scope  a clone made for this report
     * @param report the report
     */
    static void describe(IScope scope, ErrorReport report) {
        scope.setLevel(level(report.code().severity()));
        scope.setFingerprint(fingerprint(report));
        scope.setTag(TAG_CODE, report.code().name());
        scope.setTag(TAG_REASON, report.reason());
        scope.setTag(TAG_OPERATION, report.operation());
        scope.setTag(TAG_CORRELATION_ID, report.correlationId());
        User user = new User();
        user.setId(report.userId());
        scope.setUser(user);
        scope.setContexts(CONTEXT, new LinkedHashMap<>(report.metadata()));
    }

    /**
     * The Sentry level for a severity.
     *
     * @param severity the code's severity
     * @return ERROR, WARNING or INFO
     */
    static SentryLevel level(Severity severity) {
        return switch (severity) {
            case ERROR -> SentryLevel.ERROR;
            case WARN -> SentryLevel.WARNING;
            // a client error is reported only if a host sends one itself; it is no failure: info
            case INFO, DEBUG -> SentryLevel.INFO;
        };
    }

    /**
     * How Sentry groups reports: by code and reason, or by code and operation when the reason says nothing.
     *
     * @param report the report
     * @return two entries
     */
    static List<String> fingerprint(ErrorReport report) {
        ErrorCode code = report.code();
        String second = Reason.UNSPECIFIED.equals(report.reason()) ? report.operation() : report.reason();
        return List.of(code.name(), second);
    }

    /**
     * The exception values of the chain, in Sentry's order: the root cause first, the outermost last.
     * Each carries the original class name and its stack trace; the outermost one is marked as handled by
     * Break's boundary.
     */
    private static List<SentryException> exceptions(RedactedThrowable outermost, SentryStackTraceFactory frames) {
        List<SentryException> outerFirst = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Throwable current = outermost;
        while (current != null && seen.add(current) && outerFirst.size() < MAX_CHAIN) {
            outerFirst.add(exception(current, frames, outerFirst.size()));
            current = current.getCause();
        }
        Collections.reverse(outerFirst);
        return outerFirst;
    }

    private static SentryException exception(Throwable error, SentryStackTraceFactory frames, int depth) {
        String className = error instanceof RedactedThrowable redacted
                ? redacted.originalClassName() : error.getClass().getName();
        int lastDot = className.lastIndexOf('.');
        SentryException exception = new SentryException();
        exception.setType(lastDot < 0 ? className : className.substring(lastDot + 1));
        if (lastDot > 0) {
            exception.setModule(className.substring(0, lastDot));
        }
        exception.setValue(error instanceof RedactedThrowable redacted
                ? redacted.redactedMessage() : error.getMessage());
        List<SentryStackFrame> stack = frames.getStackFrames(error.getStackTrace(), false);
        if (stack != null && !stack.isEmpty()) {
            exception.setStacktrace(new SentryStackTrace(stack));
        }
        Mechanism mechanism = new Mechanism();
        mechanism.setType(depth == 0 ? MECHANISM : "chained");
        mechanism.setHandled(true);
        mechanism.setExceptionId(depth);
        if (depth > 0) {
            mechanism.setParentId(depth - 1);
        }
        exception.setMechanism(mechanism);
        return exception;
    }
}
