package com.breakagency.core.recovery;

import com.breakagency.ports.model.Money;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.ports.api.recovery.StepQuery;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Listing steps page by page, and what a retry refuses. */
class RecoveryPortTest {

    @Test
    void steps_are_listed_page_by_page_in_queuing_order_with_filters() {
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory()) {
            for (int i = 0; i < 7; i++) {
                office.payInFull(office.anIssuedInvoice(office.aTalentManagedBy(null), Money.of(1_000 + i, "GBP")));
            }
            WorkStep claimed = office.stores().workQueue().claimDue("w", office.clock().instant(),
                    java.time.Duration.ofMinutes(5), 1).get(0);
            List<WorkStep> all = office.stores().workQueue().list(Optional.empty(), Optional.empty(), Optional.empty(), 100);

            List<WorkStep> paged = new ArrayList<>();
            StepQuery query = StepQuery.first(3);
            for (int pages = 0; pages < 10; pages++) {
                Page<WorkStep> page = office.agency().recovery().listSteps(AgencyFixture.anAdmin(), query);
                paged.addAll(page.items());
                if (page.nextCursor().isEmpty()) {
                    break;
                }
                query = query.after(page.nextCursor().get());
            }

            assertEquals(all, paged);
            assertEquals(7, paged.size());
            assertEquals(List.of(claimed.id()), office.agency().recovery().listSteps(AgencyFixture.anAdmin(),
                    StepQuery.inStatus(StepStatus.RUNNING, 10)).items().stream().map(WorkStep::id).toList());
            assertEquals(6, office.agency().recovery().listSteps(AgencyFixture.anAdmin(),
                    StepQuery.inStatus(StepStatus.PENDING, 50).ofType(AgencyFixture.ENSURE_COMMISSIONS)).items().size());
            assertEquals(List.of(), office.agency().recovery().listSteps(AgencyFixture.anAdmin(),
                    StepQuery.first(50).ofType("SYNC_MAILBOX")).items());
        }
    }

    @Test
    void only_a_dead_step_can_be_retried_and_an_unknown_one_is_not_found() {
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory()) {
            office.payInFull(office.anIssuedInvoice(office.aTalentManagedBy(null), Money.of(1_000, "GBP")));
            WorkStep pending = office.steps(StepStatus.PENDING).get(0);

            BreakException notDead = assertThrows(BreakException.class,
                    () -> office.agency().recovery().retryStep(AgencyFixture.anAdmin(), pending.id()));
            assertEquals(ErrorCode.CONFLICT, notDead.code());
            assertEquals(Reason.INVALID_STATE_TRANSITION, notDead.reason());
            assertEquals(pending, office.stores().workQueue().findById(pending.id()).orElseThrow(), "unchanged");

            BreakException missing = assertThrows(BreakException.class,
                    () -> office.agency().recovery().retryStep(AgencyFixture.anAdmin(), "no-such-step"));
            assertEquals(ErrorCode.NOT_FOUND, missing.code());

            BreakException invalid = assertThrows(BreakException.class,
                    () -> office.agency().recovery().retryStep(AgencyFixture.anAdmin(), "not an id"));
            assertEquals(ErrorCode.VALIDATION_FAILED, invalid.code());
            BreakException badQuery = assertThrows(BreakException.class,
                    () -> office.agency().recovery().listSteps(AgencyFixture.anAdmin(), StepQuery.first(0).ofType("lower case").after("?")));
            assertEquals(List.of("#/limit", "#/type"),
                    badQuery.fieldErrors().stream().map(e -> e.pointer()).sorted().toList());

            assertEquals(List.of(), office.auditEvents(AuditAction.STEP_RETRIED), "nothing retried");
            assertEquals(List.of(), office.reports().reports(ErrorCode.CONFLICT));
        }
    }
}
