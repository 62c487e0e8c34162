package com.breakagency.adapter.sentry;

import com.breakagency.ports.spi.ErrorReport;
import io.sentry.Hint;
import io.sentry.IScopes;
import io.sentry.ScopeType;
import io.sentry.Sentry;
import io.sentry.SentryStackTraceFactory;

/**
 * The host's Sentry, initialized by the host with {@code Sentry.init}. Break initializes nothing and
 * changes none of the host's options: each report forks the host's current scopes, writes its own data
 * onto the forked current scope only (never onto the host's isolation or global scope), adds
 * {@link Scrubber} as an event processor of that scope, and captures the event there. The host's own
 * options, event processors and {@code beforeSend} then apply as to any other event.
 */
final class HostSentry implements Destination {

    /** The name the forked scopes carry. */
    private static final String CREATOR = "break.SentryErrorReporter";

    @Override
    public boolean send(ErrorReport report) {
        if (!Sentry.isEnabled()) {
            return false;
        }
        IScopes scopes = Sentry.getCurrentScopes().forkedCurrentScope(CREATOR);
        scopes.configureScope(ScopeType.CURRENT, scope -> {
            ReportEvents.describe(scope, report);
            scope.addEventProcessor(Scrubber.INSTANCE);
        });
        scopes.captureEvent(ReportEvents.event(report, new SentryStackTraceFactory(scopes.getOptions())), new Hint());
        return true;
    }

    @Override
    public void close() {
        // the host owns its Sentry and closes it
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String describe() {
        return "the host's Sentry";
    }
}
