package com.breakagency.core.recovery;

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
        try (Office office = new Office()) {
            for (int i = 0; i < 7; i++) {
                office.payInFull(office.anIssuedInvoice(office.aTalent(null), 1_000 + i));
            }
            WorkStep claimed = office.memory.workQueue().claimDue("w", office.clock.instant(),
                    java.time.Duration.ofMinutes(5), 1).get(0);
            List<WorkStep> all = office.memory.workQueue().list(Optional.empty(), Optional.empty(), Optional.empty(), 100);

            List<WorkStep> paged = new ArrayList<>();
            StepQuery query = StepQuery.first(3);
            for (int pages = 0; pages < 10; pages++) {
                Page<WorkStep> page = office.agency.recovery().listSteps(Office.admin(), query);
                paged.addAll(page.items());
                if (page.nextCursor().isEmpty()) {
                    break;
                }
                query = query.after(page.nextCursor().get());
            }

            assertEquals(all, paged);
            assertEquals(7, paged.size());
            assertEquals(List.of(claimed.id()), office.agency.recovery().listSteps(Office.admin(),
                    StepQuery.inStatus(StepStatus.RUNNING, 10)).items().stream().map(WorkStep::id).toList());
            assertEquals(6, office.agency.recovery().listSteps(Office.admin(),
                    StepQuery.inStatus(StepStatus.PENDING, 50).ofType(Office.ENSURE_COMMISSIONS)).items().size());
            assertEquals(List.of(), office.agency.recovery().listSteps(Office.admin(),
                    StepQuery.first(50).ofType("SYNC_MAILBOX")).items());
        }
    }

    @Test
    void only_a_dead_step_can_be_retried_and_an_unknown_one_is_not_found() {
        try (Office office = new Office()) {
            office.payInFull(office.anIssuedInvoice(office.aTalent(null), 1_000));
            WorkStep pending = office.steps(StepStatus.PENDING).get(0);

            BreakException notDead = assertThrows(BreakException.class,
                    () -> office.agency.recovery().retryStep(Office.admin(), pending.id()));
            assertEquals(ErrorCode.CONFLICT, notDead.code());
            assertEquals(Reason.INVALID_STATE_TRANSITION, notDead.reason());
            assertEquals(pending, office.memory.workQueue().findById(pending.id()).orElseThrow(), "unchanged");

            BreakException missing = assertThrows(BreakException.class,
                    () -> office.agency.recovery().retryStep(Office.admin(), "no-such-step"));
            assertEquals(ErrorCode.NOT_FOUND, missing.code());

            BreakException invalid = assertThrows(BreakException.class,
                    () -> office.agency.recovery().retryStep(Office.admin(), "not an id"));
            assertEquals(ErrorCode.VALIDATION_FAILED, invalid.code());
            BreakException badQuery = assertThrows(BreakException.class,
                    () -> office.agency.recovery().listSteps(Office.admin(), StepQuery.first(0).ofType("lower case").after("?")));
            assertEquals(List.of("#/limit", "#/type"),
                    badQuery.fieldErrors().stream().map(e -> e.pointer()).sorted().toList());

            assertEquals(List.of(), office.audit(AuditAction.STEP_RETRIED), "nothing retried");
            assertEquals(List.of(), office.reports.reports(ErrorCode.CONFLICT));
        }
    }
}
