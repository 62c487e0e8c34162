package com.breakagency.core;

import com.breakagency.ports.spi.ErrorReport;
import com.breakagency.ports.spi.ErrorReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Break's default {@link ErrorReporter}: one WARN line per report on the logger
 * {@value #LOGGER_NAME}, without a stack trace (the boundary already logged the failure with its
 * stack once). Log-based alerting can key on that logger. Use {@link ErrorReporter#NOOP} to drop
 * reports, or a real reporter such as the Sentry adapter. Stateless and thread-safe.
 */
public final class Slf4jErrorReporter implements ErrorReporter {

    /** The logger reports are written to. */
    public static final String LOGGER_NAME = "com.breakagency.report";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    @Override
    public void report(ErrorReport report) {
        LOG.warn("reported {}/{} in {} (correlationId={}, userId={}): {}", report.code(), report.reason(),
                report.operation(), report.correlationId(), report.userId(), report.detail());
    }
}
