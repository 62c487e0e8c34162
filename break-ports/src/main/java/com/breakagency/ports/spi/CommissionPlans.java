package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.finance.CommissionPlan;
import java.util.Optional;

/**
 * The commission plans store. Every method takes part in the calling thread's unit of work; store
 * failures are thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE. The agency's default plan need
 * not be stored: Break falls back to {@link CommissionPlan#AGENCY_DEFAULT}. Contract: {@code CommissionPlansContract}.
 */
public interface CommissionPlans {

    /**
     * Stores a plan, replacing one with the same id.
     *
     * @param plan the plan
     */
    void save(CommissionPlan plan);

    /**
     * Reads a plan.
     *
     * @param id the id
     * @return the plan, if stored
     */
    Optional<CommissionPlan> find(String id);
}
