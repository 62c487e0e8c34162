package com.breakagency.testkit;

import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.spi.CommissionPlans;
import java.util.Optional;

/** {@link CommissionPlans} in memory. Thread-safe. */
public final class InMemoryCommissionPlans implements CommissionPlans {

    private final TransactionalMap<String, CommissionPlan> byId;

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryCommissionPlans(InMemoryTransactions transactions) {
        this.byId = new TransactionalMap<>(transactions);
    }

    @Override
    public void save(CommissionPlan plan) {
        byId.put(plan.id(), plan);
    }

    @Override
    public Optional<CommissionPlan> find(String id) {
        return byId.get(id);
    }
}
