package com.breakagency.core.crm;

import com.breakagency.core.boundary.Call;
import com.breakagency.ports.model.crm.Deal;

/**
 * Reacts to a deal's stage change inside the same unit of work (finance drafts the deal's invoice on
 * PAYMENT_PENDING). A listener that throws rolls the whole change back.
 */
@FunctionalInterface
public interface DealStageListener {

    /**
     * Called after the deal's new stage was written, before the unit of work commits.
     *
     * @param call   the call that moved the deal
     * @param before the deal before the move
     * @param after  the deal after the move, as stored
     */
    void stageChanged(Call call, Deal before, Deal after);
}
