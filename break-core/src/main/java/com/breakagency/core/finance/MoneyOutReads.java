package com.breakagency.core.finance;

import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.Scope;
import com.breakagency.core.internal.Cursors;
import com.breakagency.core.internal.Pages;
import com.breakagency.ports.api.finance.CreditNoteQuery;
import com.breakagency.ports.api.finance.PayoutQuery;
import com.breakagency.ports.api.finance.PayoutStatement;
import com.breakagency.ports.api.finance.PayoutStatementQuery;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.CreditNote;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.model.finance.PayoutStatus;
import com.breakagency.ports.spi.Commissions;
import com.breakagency.ports.spi.CreditNotes;
import com.breakagency.ports.spi.Payouts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reads of money going out: a payout, payout listings, a beneficiary's payout statement, credit-note
 * listings. Who sees which records is {@link Scope}'s decision (a talent or agent their own payouts, a brand
 * its own credit notes). Thread-safe.
 */
final class MoneyOutReads {

    private final Boundary boundary;
    private final FinanceParts parts;

    MoneyOutReads(Boundary boundary, FinanceParts parts) {
        this.boundary = boundary;
        this.parts = parts;
    }

    Payout getPayout(OperationContext context, String id) {
        return boundary.call(context, FinanceOperations.GET_PAYOUT, new FinanceReads.ById(id), (call, c) ->
                call.access().require(parts.stores().payouts().findById(c.id()), p -> PayoutDesk.owners(p.beneficiary()),
                        PayoutDesk.PAYOUT, c.id()));
    }

    Page<Payout> listPayouts(OperationContext context, PayoutQuery query) {
        return boundary.call(context, FinanceOperations.LIST_PAYOUTS, query, (call, q) -> {
            Optional<String> after = Cursors.decode(q.cursor());
            Optional<Beneficiary> requested = FinanceParts.requestedBeneficiary(q.beneficiaryKind(), q.beneficiaryId());
            Optional<Optional<Beneficiary>> scope = Scope.ofBeneficiary(call.access(), requested);
            if (scope.isEmpty()) {
                return new Page<Payout>(List.of(), Optional.empty());
            }
            Payouts.Query filter = new Payouts.Query(scope.get(), Optional.ofNullable(q.status()), Optional.empty(),
                    Optional.empty());
            return Pages.of(parts.stores().payouts().list(filter, after, q.limit() + 1), q.limit(), Payout::id);
        });
    }

    PayoutStatement payoutStatement(OperationContext context, PayoutStatementQuery query) {
        return boundary.call(context, FinanceOperations.PAYOUT_STATEMENT, query, (call, q) -> {
            Beneficiary beneficiary = PayoutDesk.payee(q.beneficiaryKind(), q.beneficiaryId());
            if (!q.from().isBefore(q.to())) {
                throw BreakException.validation(List.of(new FieldError("#/to", "Period", "must be after the period's start")));
            }
            if (!call.access().permits(PayoutDesk.owners(beneficiary))) {
                throw BreakException.forbidden(call.context().operationName());
            }
            Map<String, Figures> figures = new TreeMap<>();
            List<CommissionLine> lines = new ArrayList<>();
            Commissions.Query all = new Commissions.Query(Optional.of(beneficiary), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.of(q.to()));
            Pages.forEach((after, size) -> parts.stores().commissions().list(all, after, size), CommissionLine::id, line -> {
                Figures f = figures.computeIfAbsent(code(line.amount()), k -> new Figures(line.amount().currency()));
                if (line.createdAt().isBefore(q.from())) {
                    f.opening = Sums.add(f.opening, line.amount());
                } else {
                    f.earned = Sums.add(f.earned, line.amount());
                    lines.add(line);
                }
            });
            List<CommissionReversal> reversals = new ArrayList<>();
            Pages.forEach((after, size) -> parts.stores().refunds().reversalsOf(beneficiary, false, after, size),
                    CommissionReversal::id, r -> {
                        if (!r.createdAt().isBefore(q.to())) {
                            return;
                        }
                        Figures f = figures.computeIfAbsent(code(r.amount()), k -> new Figures(r.amount().currency()));
                        if (r.createdAt().isBefore(q.from())) {
                            f.opening = Sums.add(f.opening, r.amount());
                        } else {
                            f.reversed = Sums.add(f.reversed, r.amount());
                            reversals.add(r);
                        }
                    });
            List<Payout> payouts = new ArrayList<>();
            Payouts.Query paid = new Payouts.Query(Optional.of(beneficiary), Optional.of(PayoutStatus.PAID), Optional.empty(),
                    Optional.empty());
            Pages.forEach((after, size) -> parts.stores().payouts().list(paid, after, size), Payout::id, p -> {
                Instant paidAt = p.updatedAt();
                if (!paidAt.isBefore(q.to())) {
                    return;
                }
                Figures f = figures.computeIfAbsent(code(p.amount()), k -> new Figures(p.amount().currency()));
                if (paidAt.isBefore(q.from())) {
                    f.opening = f.opening.minus(p.amount());
                } else {
                    f.paidOut = Sums.add(f.paidOut, p.amount());
                    payouts.add(p);
                }
            });
            lines.sort(java.util.Comparator.comparing(CommissionLine::createdAt).thenComparing(CommissionLine::id));
            reversals.sort(java.util.Comparator.comparing(CommissionReversal::createdAt).thenComparing(CommissionReversal::id));
            payouts.sort(java.util.Comparator.comparing(Payout::updatedAt).thenComparing(Payout::id));
            Map<String, PayoutStatement.Balance> balances = new TreeMap<>();
            figures.forEach((code, f) -> balances.put(code, f.balance()));
            return new PayoutStatement(beneficiary, q.from(), q.to(), balances, lines, reversals, payouts);
        });
    }

    /** One currency's running figures of a statement. */
    private static final class Figures {
        Money opening;
        Money earned;
        Money reversed;
        Money paidOut;

        Figures(Currency currency) {
            opening = Money.zero(currency);
            earned = opening;
            reversed = opening;
            paidOut = opening;
        }

        PayoutStatement.Balance balance() {
            Money closing = Sums.add(Sums.add(opening, earned), reversed).minus(paidOut);
            return new PayoutStatement.Balance(opening, earned, reversed, paidOut, closing);
        }
    }

    private static String code(Money money) {
        return money.currency().getCurrencyCode();
    }

    Page<CreditNote> listCreditNotes(OperationContext context, CreditNoteQuery query) {
        return boundary.call(context, FinanceOperations.LIST_CREDIT_NOTES, query, (call, q) -> {
            Optional<String> after = Cursors.decode(q.cursor());
            Optional<Scope.Filter> scope = Scope.of(call.access(), Scope.Filter.of(null, null, q.brandId()),
                    java.util.EnumSet.of(Scope.By.BRAND));
            if (scope.isEmpty()) {
                return new Page<CreditNote>(List.of(), Optional.empty());
            }
            CreditNotes.Query filter = new CreditNotes.Query(scope.get().brandId(), Optional.ofNullable(q.invoiceId()),
                    Optional.empty(), Optional.empty());
            return Pages.of(parts.stores().creditNotes().list(filter, after, q.limit() + 1), q.limit(), CreditNote::id);
        });
    }
}
