package com.breakagency.ports.api;

import com.breakagency.ports.api.finance.EnsureCommissions;
import com.breakagency.ports.api.finance.EnsureCommissionsResult;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;

/**
 * Repairs that make broken workflows whole (ADMIN, SYSTEM). Every method is idempotent, passes Break's
 * boundary and throws only {@link BreakException}. Thread-safe.
 */
public interface Recovery {

    /**
     * Allocates every payment of an invoice that has no commission lines yet. Running it twice, or on
     * several instances at once, allocates each payment once. When the data is still not fixable (the
     * talent still has no managing agent), it throws WORKFLOW_BREAK/COMMISSIONS_PENDING and changes
     * nothing.
     *
     * @param context who calls
     * @param command the invoice
     * @return what it allocated now
     */
    EnsureCommissionsResult ensureCommissions(OperationContext context, EnsureCommissions command);
}
