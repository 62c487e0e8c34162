package com.breakagency.core.recovery;

import com.breakagency.core.Backoff;
import com.breakagency.ports.model.Money;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgencyBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.spi.QueueSnapshot;
import com.breakagency.ports.spi.Telemetry;
import com.breakagency.ports.spi.TelemetryScope;
import com.breakagency.testkit.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The agency tells its telemetry about every call, step attempt and janitor run, with names from bounded
 * sets, and a telemetry that throws changes nothing.
 */
class TelemetryTest {

    /** Writes down what it is told, as "event:tag:tag". */
    static final class Recording implements Telemetry {
        final List<String> events = new CopyOnWriteArrayList<>();
        final AtomicReference<TelemetryScope> scope = new AtomicReference<>();

        @Override
        public void bind(TelemetryScope value) {
            scope.set(value);
        }

        @Override
        public void call(String operation, String outcome, Duration duration) {
            assertTrue(!duration.isNegative());
            events.add("call:" + operation + ":" + outcome);
        }

        @Override
        public void stepCompleted(String type) {
            events.add("completed:" + type);
        }

        @Override
        public void stepFailed(String type) {
            events.add("failed:" + type);
        }

        @Override
        public void stepDead(String type) {
            events.add("dead:" + type);
        }

        @Override
        public void janitorRan(Duration duration) {
            events.add("janitor");
        }

        @Override
        public void janitorFound(String kind) {
            events.add("found:" + kind);
        }
    }

    @Test
    void calls_steps_and_janitor_runs_reach_the_telemetry_with_bounded_names() {
        Recording telemetry = new Recording();
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory(b -> b.telemetry(telemetry)
                .backoff(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 0.0)))) {
            TelemetryScope scope = telemetry.scope.get();
            assertTrue(scope.operations().contains("crm.createBrand"), scope.operations().toString());
            assertTrue(scope.operations().contains("finance.markInvoicePaid"));
            assertEquals(java.util.Set.of(AgencyFixture.ENSURE_COMMISSIONS), scope.stepTypes());
            telemetry.events.clear();

            OperationContext talent = OperationContext.of(Actor.talent("talent-1", "t-1"));
            assertThrows(BreakException.class, () -> office.agency().diagnostics().health(talent));
            Talent unmanaged = office.anUnmanagedTalent();
            office.payInFull(office.anIssuedInvoice(unmanaged, Money.of(10_000, "GBP")));   // recorded; commissions pending, a step queued
            QueueSnapshot queued = scope.queue();
            assertEquals(1, queued.count(AgencyFixture.ENSURE_COMMISSIONS, StepStatus.PENDING));
            assertEquals(Optional.of(Duration.ZERO), queued.oldestDueAge());

            office.agency().runDueSteps();                                   // attempt 1 of 2 fails
            office.clock().advance(Duration.ofSeconds(2));
            office.agency().runDueSteps();                                   // attempt 2: DEAD
            office.aPaymentLeftWithoutCommissions(unmanaged, 5_000, Duration.ofHours(1));
            office.agency().runJanitor();                                    // one finding
            office.assignAgent(unmanaged, "agent-late");
            office.agency().runDueSteps();                                   // the janitor's step completes

            assertEquals(List.of(
                    "call:diagnostics.health:FORBIDDEN",
                    "call:crm.createTalent:OK",
                    "call:crm.createBrand:OK",                       // the fixture's invoice: brand, deal,
                    "call:crm.createDeal:OK",
                    "call:crm.moveDealStage:OK",                     // stage move that drafts it,
                    "call:finance.listInvoices:OK",                  // the draft read back,
                    "call:finance.issueInvoice:OK",                  // issued
                    "call:finance.markInvoicePaid:OK",
                    "failed:ENSURE_COMMISSIONS",
                    "dead:ENSURE_COMMISSIONS",
                    "call:crm.createBrand:OK",                       // the broken payment's own brand
                    "found:PAYMENT_WITHOUT_COMMISSIONS",
                    "janitor",
                    "call:crm.updateTalent:OK",
                    "completed:ENSURE_COMMISSIONS"), telemetry.events);
            assertEquals(1, scope.queue().count(AgencyFixture.ENSURE_COMMISSIONS, StepStatus.DEAD));
        }
    }

    @Test
    void a_telemetry_that_throws_changes_no_outcome_and_is_said_once() {
        Telemetry broken = new Telemetry() {
            @Override
            public void call(String operation, String outcome, Duration duration) {
                throw new IllegalStateException("meter registry closed for jane@brand.com");
            }
        };
        try (LogCapture log = LogCapture.of("com.breakagency.telemetry");
             AgencyFixture<BreakAgency> office = TestAgencies.inMemory(b -> b.telemetry(broken))) {
            Talent talent = office.aTalentManagedBy("agent-a");
            assertEquals(3, office.payInFull(office.anIssuedInvoice(talent, Money.of(10_000, "GBP"))).lines().size());
            BreakException forbidden = assertThrows(BreakException.class, () -> office.agency().diagnostics()
                    .health(OperationContext.of(Actor.talent("talent-1", "t-1"))));

            assertEquals(ErrorCode.FORBIDDEN, forbidden.code());
            assertEquals(1, log.events("WARN").size(), log.events().toString());
            String line = log.events("WARN").get(0).getFormattedMessage();
            assertTrue(line.contains("IllegalStateException") && line.contains("[email]"), line);
        }
    }

    @Test
    void the_default_telemetry_is_the_no_op() {
        assertEquals(Telemetry.NOOP, BreakAgencyBuilder.DEFAULT_TELEMETRY);
    }
}
