package com.breakagency.core.integration;

import com.breakagency.core.MailSyncSettings;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.spi.QuotaBudgets;
import com.breakagency.ports.spi.Telemetry;
import com.breakagency.ports.spi.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Spends a mailbox's quota before each provider call, in the database (each spend a unit of work of its own,
 * so every thread and instance sees it at once). A spend that does not fit the current window is refused
 * and the caller waits for the next window; no call is made that the budget has not paid for. Calls in the
 * last twentieth of a window (at most its last second) wait for the next, so a call that reaches the
 * provider a moment later is not counted in a window whose budget is spent. Thread-safe.
 */
final class QuotaPacer {

    private static final long MARGIN_MILLIS = 1_000;
    private static final long MARGIN_DIVISOR = 20;

    private final QuotaBudgets budgets;
    private final Transactions transactions;
    private final Clock clock;
    private final MailSyncSettings settings;

    private final Telemetry telemetry;

    QuotaPacer(QuotaBudgets budgets, Transactions transactions, Clock clock, MailSyncSettings settings,
               Telemetry telemetry) {
        this.telemetry = telemetry;
        this.budgets = budgets;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    /** The start of the window an instant falls in. */
    Instant windowStart(Instant at) {
        long length = settings.quotaWindow().toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), length) * length);
    }

    /** When the window after the current one starts. */
    Instant nextWindow() {
        return windowStart(clock.instant()).plus(settings.quotaWindow());
    }

    /** Spends {@code units}, or says no (wait for {@link #nextWindow()}). */
    boolean spend(String key, int units) {
        return units == 0 || spendUpTo(key, units, 1) == 1;
    }

    /**
     * Spends {@code unitCost} for as many calls as fit, up to {@code max}: the fetch of a batch shrinks to
     * what the window has left rather than waiting for the next one.
     *
     * @return how many calls were paid for; 0 means wait for the next window
     */
    int spendUpTo(String key, int unitCost, int max) {
        Instant now = clock.instant();
        Instant start = windowStart(now);
        long margin = Math.min(MARGIN_MILLIS, settings.quotaWindow().toMillis() / MARGIN_DIVISOR);
        if (start.plus(settings.quotaWindow()).toEpochMilli() - now.toEpochMilli() <= margin) {
            return 0;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Optional<Integer> paid = transactions.inTransaction(() -> {
                    int left = settings.unitsPerWindow() - budgets.spent(key, start);
                    int n = Math.min(max, left / unitCost);
                    if (n < 1) {
                        return Optional.of(0);
                    }
                    return budgets.trySpend(key, start, n * unitCost, settings.unitsPerWindow())
                            ? Optional.of(n) : Optional.<Integer>empty();
                });
                if (paid.isPresent()) {
                    if (paid.get() > 0) {
                        telemetry.syncQuotaSpent(key.substring(0, Math.max(0, key.indexOf(':'))),
                                (long) paid.get() * unitCost);
                    }
                    return paid.get();
                }
            } catch (BreakException conflict) {
                if (conflict.code() != ErrorCode.CONFLICT) {
                    throw conflict;
                }
                // a concurrent first spend of this key created its row: spend again
            }
        }
        return 0;
    }
}
