package com.breakagency.core.finance;

import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.Ownership;
import com.breakagency.core.boundary.Scope;
import com.breakagency.core.internal.Cursors;
import com.breakagency.core.internal.Pages;
import com.breakagency.ports.api.finance.CommissionQuery;
import com.breakagency.ports.api.finance.CommissionStatement;
import com.breakagency.ports.api.finance.FinanceTotals;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.SaveCommissionPlan;
import com.breakagency.ports.api.finance.StatementQuery;
import com.breakagency.ports.api.finance.TotalsQuery;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.spi.Commissions;
import com.breakagency.ports.spi.CreditNotes;
import com.breakagency.ports.spi.Payouts;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.CreditNote;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.model.finance.PayoutStatus;
import com.breakagency.ports.model.finance.Refund;
import com.breakagency.ports.spi.Invoices;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finance reads (an invoice, invoice and commission listings, a beneficiary's statement, the totals) and
 * the commission plans. Who sees which records of a listing is {@link Scope}'s decision. Thread-safe.
 */
final class FinanceReads {

    /** The statuses an invoice can be overdue in: the open ones. */
    private static final Set<InvoiceStatus> OPEN = InvoiceLifecycle.Transition.PAY_IN_FULL.from();

    private final Boundary boundary;
    private final FinanceParts parts;

    FinanceReads(Boundary boundary, FinanceParts parts) {
        this.boundary = boundary;
        this.parts = parts;
    }

    /** A look-up by id, validated at the boundary. */
    record ById(@NotNull @Pattern(regexp = Patterns.ID) String id) {
    }

    Invoice getInvoice(OperationContext context, String id) {
        return boundary.call(context, FinanceOperations.GET_INVOICE, new ById(id), (call, c) ->
                call.access().require(parts.stores().invoices().findById(c.id()), parts::owners, FinanceParts.INVOICE,
                        c.id()));
    }

    Page<Invoice> listInvoices(OperationContext context, InvoiceQuery query) {
        return boundary.call(context, FinanceOperations.LIST_INVOICES, query, (call, q) -> {
            Optional<String> after = Cursors.decode(q.cursor());
            Optional<Scope.Filter> scope = Scope.of(call.access(), Scope.Filter.of(null, q.talentId(), q.brandId()),
                    EnumSet.allOf(Scope.By.class));
            if (scope.isEmpty()) {
                return new Page<Invoice>(List.of(), Optional.empty());
            }
            Set<InvoiceStatus> statuses = q.overdueOnly() ? OPEN : q.status() == null ? Set.of() : Set.of(q.status());
            if (q.overdueOnly() && q.status() != null) {
                statuses = statuses.contains(q.status()) ? Set.of(q.status()) : Set.of();
                if (statuses.isEmpty()) {
                    return new Page<Invoice>(List.of(), Optional.empty());
                }
            }
            Scope.Filter owners = scope.get();
            Invoices.Query filter = new Invoices.Query(statuses, Optional.ofNullable(q.dealId()), owners.brandId(),
                    owners.talentId(), owners.agentId(), q.overdueOnly() ? Optional.of(parts.today()) : Optional.empty());
            return Pages.of(parts.stores().invoices().list(filter, after, q.limit() + 1), q.limit(), Invoice::id);
        });
    }

    Page<CommissionLine> listCommissions(OperationContext context, CommissionQuery query) {
        return boundary.call(context, FinanceOperations.LIST_COMMISSIONS, query, (call, q) -> {
            Optional<String> after = Cursors.decode(q.cursor());
            Optional<Beneficiary> requested = FinanceParts.requestedBeneficiary(q.beneficiaryKind(), q.beneficiaryId());
            Optional<Optional<Beneficiary>> scope = Scope.ofBeneficiary(call.access(), requested);
            if (scope.isEmpty()) {
                return new Page<CommissionLine>(List.of(), Optional.empty());
            }
            Commissions.Query filter = new Commissions.Query(scope.get(), Optional.empty(), Optional.ofNullable(q.status()),
                    Optional.ofNullable(q.from()), Optional.ofNullable(q.to()));
            return Pages.of(parts.stores().commissions().list(filter, after, q.limit() + 1), q.limit(), CommissionLine::id);
        });
    }

    CommissionStatement statement(OperationContext context, StatementQuery query) {
        return boundary.call(context, FinanceOperations.STATEMENT, query, (call, q) -> {
            if (q.beneficiaryKind() == BeneficiaryKind.HOUSE) {
                throw BreakException.validation(List.of(new FieldError("#/beneficiaryKind", "StatementBeneficiary",
                        "must be TALENT or AGENT")));
            }
            requirePeriod(q.from().isBefore(q.to()), "#/to");
            Beneficiary beneficiary = new Beneficiary(q.beneficiaryKind(), q.beneficiaryId());
            if (!call.access().permits(owners(beneficiary))) {
                throw BreakException.forbidden(call.context().operationName());
            }
            Commissions.Query filter = new Commissions.Query(Optional.of(beneficiary), Optional.empty(), Optional.empty(),
                    Optional.of(q.from()), Optional.of(q.to()));
            List<CommissionLine> lines = new ArrayList<>();
            Map<String, Money> totals = new TreeMap<>();
            Pages.forEach((after, size) -> parts.stores().commissions().list(filter, after, size), CommissionLine::id,
                    line -> {
                        lines.add(line);
                        totals.merge(line.amount().currency().getCurrencyCode(), line.amount(), Sums::add);
                    });
            return new CommissionStatement(beneficiary, q.from(), q.to(), lines, totals);
        });
    }

    private static Ownership owners(Beneficiary beneficiary) {
        return switch (beneficiary.kind()) {
            case AGENT -> new Ownership(Set.of(beneficiary.id()), Optional.empty(), Optional.empty());
            case TALENT -> new Ownership(Set.of(), Optional.of(beneficiary.id()), Optional.empty());
            case HOUSE -> Ownership.NOBODY;
        };
    }

    FinanceTotals totals(OperationContext context, TotalsQuery query) {
        return boundary.call(context, FinanceOperations.TOTALS, query, (call, q) -> {
            requirePeriod(q.receivedFrom().isBefore(q.receivedTo()), "#/receivedTo");
            LocalDate today = parts.today();
            // one aggregate query per figure: the stores sum, however large the books
            Map<String, Money> receivables = money(parts.stores().invoices().outstandingByCurrency(OPEN, Optional.empty()));
            Map<String, Money> overdue = money(parts.stores().invoices().outstandingByCurrency(OPEN, Optional.of(today)));
            Map<String, Money> received = money(parts.stores().payments().receivedByCurrency(q.receivedFrom(),
                    q.receivedTo()));
            Map<String, Money> pending = money(parts.stores().commissions().amountByCurrency(
                    CommissionStatus.PENDING_PAYOUT, EnumSet.complementOf(EnumSet.of(BeneficiaryKind.TALENT))));
            MoneyOut out = moneyOut(q.receivedFrom(), q.receivedTo());
            // a currency with nothing in it (a zero-value invoice, say) gets no key
            for (Map<String, Money> figure : List.of(receivables, overdue, received, pending, out.cashOut(), out.owed(),
                    out.paid(), out.refunds(), out.creditNotes())) {
                figure.values().removeIf(Money::isZero);
            }
            return new FinanceTotals(today, receivables, overdue, received, pending, out.cashOut(), out.owed(), out.paid(),
                    out.refunds(), out.creditNotes());
        });
    }

    /** The money-out figures of the totals, per currency code. */
    private record MoneyOut(Map<String, Money> cashOut, Map<String, Money> owed, Map<String, Money> paid,
                            Map<String, Money> refunds, Map<String, Money> creditNotes) {
    }

    private MoneyOut moneyOut(LocalDate from, LocalDate to) {
        Map<String, Money> paid = new TreeMap<>();
        Payouts.Query paidInPeriod = new Payouts.Query(Optional.empty(), Optional.of(PayoutStatus.PAID), Optional.of(from),
                Optional.of(to));
        Pages.forEach((after, size) -> parts.stores().payouts().list(paidInPeriod, after, size), Payout::id,
                p -> paid.merge(code(p.amount()), p.amount(), Sums::add));
        Map<String, Money> refunds = new TreeMap<>();
        Pages.forEach((after, size) -> parts.stores().refunds().refundedBetween(from, to, after, size), Refund::id,
                r -> refunds.merge(code(r.amount()), r.amount(), Sums::add));
        Map<String, Money> cashOut = new TreeMap<>(paid);
        refunds.forEach((code, amount) -> cashOut.merge(code, amount, Sums::add));
        Map<String, Money> owed = money(parts.stores().commissions().amountByCurrency(CommissionStatus.PENDING_PAYOUT,
                EnumSet.complementOf(EnumSet.of(BeneficiaryKind.HOUSE))));
        Pages.forEach((after, size) -> parts.stores().refunds().pendingReversals(after, size), CommissionReversal::id, r -> {
            if (r.beneficiary().kind() != BeneficiaryKind.HOUSE) {
                owed.merge(code(r.amount()), r.amount(), Sums::add);
            }
        });
        Map<String, Money> credited = new TreeMap<>();
        java.time.ZoneId zone = parts.clock().getZone();
        CreditNotes.Query issued = new CreditNotes.Query(Optional.empty(), Optional.empty(),
                Optional.of(from.atStartOfDay(zone).toInstant()), Optional.of(to.atStartOfDay(zone).toInstant()));
        Pages.forEach((after, size) -> parts.stores().creditNotes().list(issued, after, size), CreditNote::id,
                n -> credited.merge(code(n.amount()), n.amount(), Sums::add));
        return new MoneyOut(cashOut, owed, paid, refunds, credited);
    }

    private static String code(Money money) {
        return money.currency().getCurrencyCode();
    }

    /** Minor units per currency code as money, in currency order. */
    private static Map<String, Money> money(Map<String, Long> sums) {
        Map<String, Money> out = new TreeMap<>();
        sums.forEach((code, minor) -> out.put(code, Money.of(minor, code)));
        return out;
    }

    CommissionPlan saveCommissionPlan(OperationContext context, SaveCommissionPlan command) {
        return boundary.call(context, FinanceOperations.SAVE_COMMISSION_PLAN, command, (call, c) -> {
            CommissionPlan plan = new CommissionPlan(c.id(), c.agencyRateBps(), c.agentShareBps(),
                    c.houseTakesUnassignedAgentShare());
            parts.stores().commissionPlans().save(plan);
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("planId", plan.id());
            changes.put("agencyRateBps", Integer.toString(plan.agencyRateBps()));
            changes.put("agentShareBps", Integer.toString(plan.agentShareBps()));
            parts.audit().record(call, AuditAction.COMMISSION_PLAN_SAVED,
                    EntityRef.of(EntityType.COMMISSION_PLAN, plan.id()), changes);
            return plan;
        });
    }

    private static void requirePeriod(boolean ordered, String pointer) {
        if (!ordered) {
            throw BreakException.validation(List.of(new FieldError(pointer, "Period", "must be after the period's start")));
        }
    }
}
