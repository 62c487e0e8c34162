package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.aCommissionPlan;
import static com.breakagency.testkit.Fixtures.anId;
import static com.breakagency.testkit.contract.ContractSupport.runAndRollBack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.spi.CommissionPlans;
import com.breakagency.ports.spi.Persistence;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link CommissionPlans} port. An adapter's test extends this class and returns a
 * fresh bundle from {@link #persistence()}.
 *
 * <p>A plan is kept exactly, rates from 0 to 10,000 basis points included; saving a plan with a stored
 * id replaces it whole. Every test saves plans with fresh ids, so plans other tests left behind do not
 * disturb it; the contract never saves {@link CommissionPlan#AGENCY_DEFAULT_ID}.
 */
public abstract class CommissionPlansContract {

    private Persistence persistence;
    private CommissionPlans plans;

    /**
     * The bundle under test. Called once before each test; must return a fresh, empty bundle whose stores
     * share its {@link Persistence#transactions()}.
     *
     * @return the bundle
     */
    protected abstract Persistence persistence();

    @BeforeEach
    void openStores() {
        persistence = persistence();
        plans = persistence.commissionPlans();
    }

    @Test
    void a_saved_plan_reads_back_equal() {
        for (CommissionPlan plan : List.of(aCommissionPlan(2000, 2500), aCommissionPlan(0, 0),
                aCommissionPlan(10_000, 10_000), aCommissionPlan(1, 9_999),
                new CommissionPlan(anId(), 1500, 0, true))) {
            plans.save(plan);

            assertEquals(Optional.of(plan), plans.find(plan.id()), plan.toString());
        }
    }

    @Test
    void an_unknown_plan_finds_nothing() {
        plans.save(aCommissionPlan(2000, 2500));

        assertEquals(Optional.empty(), plans.find(anId()));
    }

    @Test
    void saving_a_plan_with_a_stored_id_replaces_it_whole() {
        CommissionPlan first = aCommissionPlan(2000, 2500);
        plans.save(first);
        CommissionPlan replacement = new CommissionPlan(first.id(), 2500, 0, true);

        plans.save(replacement);

        assertEquals(Optional.of(replacement), plans.find(first.id()));
        CommissionPlan back = new CommissionPlan(first.id(), 2000, 2500, false);
        plans.save(back);
        assertEquals(Optional.of(back), plans.find(first.id()));
    }

    @Test
    void saving_one_plan_leaves_the_others_alone() {
        CommissionPlan perTalent = aCommissionPlan(2000, 2500);
        CommissionPlan perDeal = aCommissionPlan(1000, 5000);
        plans.save(perTalent);
        plans.save(perDeal);

        plans.save(new CommissionPlan(perDeal.id(), 1200, 5000, true));

        assertEquals(Optional.of(perTalent), plans.find(perTalent.id()));
    }

    @Test
    void a_unit_of_work_sees_its_own_unsaved_plan() {
        CommissionPlan plan = aCommissionPlan(2000, 2500);

        persistence.transactions().inTransaction(() -> {
            plans.save(plan);
            assertEquals(Optional.of(plan), plans.find(plan.id()));
            return null;
        });

        assertEquals(Optional.of(plan), plans.find(plan.id()));
    }

    @Test
    void a_rolled_back_save_leaves_no_plan() {
        CommissionPlan plan = aCommissionPlan(2000, 2500);

        runAndRollBack(persistence.transactions(), () -> plans.save(plan));

        assertEquals(Optional.empty(), plans.find(plan.id()));
    }

    @Test
    void a_rolled_back_replacement_leaves_the_plan_as_it_was() {
        CommissionPlan plan = aCommissionPlan(2000, 2500);
        plans.save(plan);

        runAndRollBack(persistence.transactions(), () -> plans.save(new CommissionPlan(plan.id(), 3000, 0, true)));

        assertEquals(Optional.of(plan), plans.find(plan.id()));
    }
}
