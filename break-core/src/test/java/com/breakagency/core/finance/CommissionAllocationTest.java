package com.breakagency.core.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.finance.CommissionAllocation.Blocked;
import com.breakagency.core.finance.CommissionAllocation.Lines;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.spi.IdGenerator;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Allocating one payment, from values alone: lines when the split can be made, blocked with why when not. */
class CommissionAllocationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private final AtomicLong next = new AtomicLong();
    private final IdGenerator ids = () -> String.format("id-%04d", next.incrementAndGet());

    private static final Invoice INVOICE = new Invoice("inv-1", "deal-1", "brand-1", "t-1", Optional.of(1L), List.of(),
            Money.of(1000_01, "GBP"), Money.zero(Currency.getInstance("GBP")), Optional.of(LocalDate.of(2026, 3, 31)),
            InvoiceStatus.ISSUED, CommissionState.NONE, 2, NOW, NOW);

    private static Talent talent(Optional<String> agent) {
        return new Talent("t-1", "Maya Lopez", List.of(), Optional.empty(), agent, Optional.empty(),
                Currency.getInstance("GBP"), false, 1, Instant.EPOCH, Instant.EPOCH);
    }

    private static Payment payment(String id, long minor) {
        return new Payment(id, "inv-1", Money.of(minor, "GBP"), LocalDate.of(2026, 3, 2), "ref-" + id,
                PaymentSource.MANUAL, "fin-1", NOW);
    }

    private CommissionAllocation.Outcome allocate(Payment payment, Optional<Talent> talent, Optional<CommissionPlan> plan,
                                                  List<CommissionLine> earlier) {
        return CommissionAllocation.allocate(INVOICE, payment, talent, plan, earlier, ids, NOW);
    }

    @Test
    void the_default_plan_pays_talent_house_and_managing_agent_and_the_lines_sum_to_the_payment() {
        Lines lines = assertInstanceOf(Lines.class, allocate(payment("p-1", 1000_00),
                Optional.of(talent(Optional.of("agent-ana"))), Optional.of(CommissionPlan.AGENCY_DEFAULT), List.of()));
        Map<Beneficiary, Long> byBeneficiary = new TreeMap<>();
        for (CommissionLine line : lines.lines()) {
            byBeneficiary.put(line.beneficiary(), line.amount().minorUnits());
            assertEquals("p-1", line.paymentId());
            assertEquals(CommissionStatus.PENDING_PAYOUT, line.status());
            assertEquals(NOW, line.createdAt());
        }
        assertEquals(Map.of(Beneficiary.talent("t-1"), 800_00L, Beneficiary.HOUSE, 150_00L,
                Beneficiary.agent("agent-ana"), 50_00L), byBeneficiary);
        assertEquals(new BigDecimal("0.05"), lines.lines().stream()
                .filter(l -> l.beneficiary().kind() == com.breakagency.ports.model.finance.BeneficiaryKind.AGENT)
                .findFirst().orElseThrow().rate());
    }

    @Test
    void payments_telescope_to_each_beneficiarys_share_of_the_total() {
        Optional<Talent> talent = Optional.of(talent(Optional.of("agent-ana")));
        List<CommissionLine> all = new ArrayList<>();
        for (Payment p : List.of(payment("p-1", 333_33), payment("p-2", 333_33), payment("p-3", 333_35))) {
            Lines lines = assertInstanceOf(Lines.class, allocate(p, talent, Optional.of(CommissionPlan.AGENCY_DEFAULT), all));
            assertEquals(p.amount().minorUnits(), lines.lines().stream().mapToLong(l -> l.amount().minorUnits()).sum());
            all.addAll(lines.lines());
        }
        Map<Beneficiary, Long> totals = new TreeMap<>();
        all.forEach(l -> totals.merge(l.beneficiary(), l.amount().minorUnits(), Long::sum));
        Map<Beneficiary, Long> shares = Allocation.finalShares(INVOICE.total().minorUnits(),
                CommissionSplit.of(CommissionPlan.AGENCY_DEFAULT, talent.get()).weights());
        assertEquals(shares, totals);
    }

    @Test
    void an_agents_share_with_no_managing_agent_is_blocked() {
        Blocked blocked = assertInstanceOf(Blocked.class, allocate(payment("p-1", 100_00), Optional.of(talent(Optional.empty())),
                Optional.of(CommissionPlan.AGENCY_DEFAULT), List.of()));
        assertEquals("NO_MANAGING_AGENT", blocked.problem());
    }

    @Test
    void a_missing_talent_or_plan_is_blocked_and_says_which() {
        assertEquals("the invoice's talent is missing", assertInstanceOf(Blocked.class,
                allocate(payment("p-1", 100_00), Optional.empty(), Optional.of(CommissionPlan.AGENCY_DEFAULT), List.of()))
                .problem());
        assertEquals("the commission plan named for the deal or talent is missing", assertInstanceOf(Blocked.class,
                allocate(payment("p-1", 100_00), Optional.of(talent(Optional.of("agent-ana"))), Optional.empty(), List.of()))
                .problem());
        assertEquals(0, next.get(), "a blocked allocation makes no ids");
    }

    @Test
    void earlier_lines_that_leave_less_owed_than_the_payment_block_it() {
        CommissionLine tooMuch = new CommissionLine("l-0", "p-0", "inv-1", "deal-1", "t-1", Beneficiary.talent("t-1"),
                Money.of(900_00, "GBP"), BigDecimal.ONE, CommissionPlan.AGENCY_DEFAULT_ID, Money.of(900_00, "GBP"),
                CommissionStatus.PENDING_PAYOUT, NOW);
        Blocked blocked = assertInstanceOf(Blocked.class, allocate(payment("p-1", 500_00),
                Optional.of(talent(Optional.of("agent-ana"))), Optional.of(CommissionPlan.AGENCY_DEFAULT), List.of(tooMuch)));
        assertTrue(blocked.problem().contains("less owed"), blocked.problem());
    }
}
