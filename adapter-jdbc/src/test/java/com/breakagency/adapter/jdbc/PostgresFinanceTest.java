package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link FinanceChecks} on PostgreSQL, plus what only the server shows (a claim that skips locked steps is
 * the claims contract's, see {@link PostgresWorkQueueClaimsTest}): the anti-join behind payments without commissions can
 * use the allocation index, and the latest event of an action is one step down the action index.
 */
@PostgresTest
class PostgresFinanceTest extends FinanceChecks {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres(PostgresFinanceTest.class);
    }

    @Test
    void payments_without_commissions_can_use_the_index_that_leads_with_payment_id() {
        String schema = database().freshPersistence().schema();

        List<String> plan = plan("SELECT p.id FROM " + schema + ".payments p WHERE p.recorded_at < now() AND NOT EXISTS"
                + " (SELECT 1 FROM " + schema + ".commission_lines c WHERE c.payment_id = p.id) ORDER BY p.id LIMIT 10");

        assertTrue(plan.stream().anyMatch(line -> line.contains("commission_lines_allocation_uq")), plan::toString);
        assertTrue(plan.stream().anyMatch(line -> line.contains("Anti Join")), plan::toString);
    }

    @Test
    void a_claim_can_find_due_steps_through_the_due_index() {
        String schema = database().freshPersistence().schema();

        List<String> plan = plan("SELECT id FROM " + schema + ".work_steps WHERE status = 'PENDING'"
                + " AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT 10 FOR UPDATE SKIP LOCKED");

        assertTrue(plan.stream().anyMatch(line -> line.contains("work_steps_due_idx")), plan::toString);
    }

    @Test
    void the_latest_event_of_an_action_is_read_from_the_end_of_the_action_index() {
        String schema = database().freshPersistence().schema();

        List<String> plan = plan("SELECT * FROM " + schema + ".audit_events WHERE action = 'JANITOR_RAN'"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");

        assertTrue(plan.stream().anyMatch(line -> line.contains("Scan Backward")
                && line.contains("audit_events_action_idx")), plan::toString);
        assertTrue(plan.stream().noneMatch(line -> line.contains("Sort")), plan::toString);
    }

    private List<String> plan(String query) {
        return database().planWithoutSequentialScans(query);
    }
}
