package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import java.time.Instant;

/**
 * The provider quota units spent per key (a mailbox) per window (a minute), shared by every thread and
 * instance: the accounting of the mail sync's pacing. Every method takes part in the calling thread's unit
 * of work (the sync runs each call in one of its own, so a spend is visible to everyone at once); store
 * failures are thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE. Contract: {@code MailStoresContract}.
 */
public interface QuotaBudgets {

    /**
     * Spends units of a window if they fit, atomically: of concurrent spends that together exceed the limit,
     * those that do not fit are refused, and the units spent in a window never exceed the limit. A key's
     * later window starts again from zero; a spend for a window older than the key's latest is refused.
     *
     * @param key         whose budget, such as {@code GOOGLE:<mailbox>}
     * @param windowStart the start of the window, such as the minute
     * @param units       1 or more
     * @param limit       the window's budget
     * @return true if spent
     * @throws BreakException CONFLICT/ALREADY_EXISTS when a concurrent first spend of a key created its row
     *                        first (run the unit of work again)
     */
    boolean trySpend(String key, Instant windowStart, int units, int limit);

    /**
     * The units spent in a window.
     *
     * @param key         whose budget
     * @param windowStart the start of the window
     * @return the units, 0 for a window not started
     */
    int spent(String key, Instant windowStart);
}
