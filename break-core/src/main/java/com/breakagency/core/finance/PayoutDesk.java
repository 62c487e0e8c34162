package com.breakagency.core.finance;

import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.Call;
import com.breakagency.core.boundary.Ownership;
import com.breakagency.core.finance.PayoutLifecycle.Transition;
import com.breakagency.ports.api.finance.ApprovePayout;
import com.breakagency.ports.api.finance.CancelPayout;
import com.breakagency.ports.api.finance.CreatePayout;
import com.breakagency.ports.api.finance.MarkPayoutPaid;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.IdempotencyRecord;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.model.finance.PayoutEntryKind;
import com.breakagency.ports.model.finance.PayoutItem;
import com.breakagency.ports.model.finance.PayoutStatus;
import com.breakagency.ports.spi.Commissions;
import com.breakagency.core.internal.Pages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Payouts, the job: gathering a beneficiary's owed lines into a payout ({@link PayoutDecision}), and the
 * lifecycle moves ({@link PayoutLifecycle}) — approve, mark paid (with its lines moved to PAID_OUT and an
 * idempotency key, like a payment's) and cancel — each checked by the {@link MoneyOutAssertions} and audited
 * in the same unit of work. Thread-safe.
 */
final class PayoutDesk {

    /** The scope of idempotency keys for marking payouts paid. */
    static final String PAYOUT_PAID_KEY_SCOPE = "finance.payoutPaid";
    /** The entity name of payouts in errors. */
    static final String PAYOUT = "payout";

    private final Boundary boundary;
    private final FinanceParts parts;

    PayoutDesk(Boundary boundary, FinanceParts parts) {
        this.boundary = boundary;
        this.parts = parts;
    }

    /** Who owns a beneficiary's records: the agent or the talent themselves; nobody for the house. */
    static Ownership owners(Beneficiary beneficiary) {
        return switch (beneficiary.kind()) {
            case AGENT -> new Ownership(Set.of(beneficiary.id()), Optional.empty(), Optional.empty());
            case TALENT -> new Ownership(Set.of(), Optional.of(beneficiary.id()), Optional.empty());
            case HOUSE -> Ownership.NOBODY;
        };
    }

    /** The beneficiary of a payout or a statement: a talent or an agent, never the house. */
    static Beneficiary payee(BeneficiaryKind kind, String id) {
        if (kind == BeneficiaryKind.HOUSE) {
            throw BreakException.validation(List.of(new FieldError("#/beneficiaryKind", "Payee", "must be TALENT or AGENT")));
        }
        return new Beneficiary(kind, id);
    }

    Payout createPayout(OperationContext context, CreatePayout command) {
        return boundary.call(context, FinanceOperations.CREATE_PAYOUT, command, (call, c) -> {
            Beneficiary beneficiary = payee(c.beneficiaryKind(), c.beneficiaryId());
            Currency currency = Currency.getInstance(c.currency());
            List<CommissionLine> lines = new ArrayList<>();
            Commissions.Query owed = new Commissions.Query(Optional.of(beneficiary), Optional.empty(),
                    Optional.of(CommissionStatus.PENDING_PAYOUT), Optional.empty(), Optional.ofNullable(c.upTo()));
            Pages.forEach((after, size) -> parts.stores().commissions().list(owed, after, size), CommissionLine::id, lines::add);
            List<CommissionReversal> reversals = new ArrayList<>();
            Pages.forEach((after, size) -> parts.stores().refunds().reversalsOf(beneficiary, true, after, size),
                    CommissionReversal::id, reversals::add);
            List<String> ids = new ArrayList<>();
            lines.forEach(l -> ids.add(l.id()));
            reversals.forEach(r -> ids.add(r.id()));
            Set<String> inLive = ids.isEmpty() ? Set.of() : parts.stores().payouts().inLivePayouts(ids);
            String id = parts.ids().nextId();
            PayoutDecision.Outcome decided = PayoutDecision.gather(id, currency, lines, reversals, inLive,
                    Optional.ofNullable(c.upTo()));
            if (!(decided instanceof PayoutDecision.Gathered gathered)) {
                throw BreakException.builder(ErrorCode.CONFLICT).reason(Reason.NOTHING_TO_PAY_OUT)
                        .detail("Nothing is owed to the beneficiary in " + currency.getCurrencyCode() + " outside a payout.")
                        .build();
            }
            Instant now = parts.clock().instant();
            Payout payout = new Payout(id, beneficiary, gathered.amount(), PayoutStatus.DRAFT,
                    Optional.ofNullable(c.upTo()), Optional.empty(), Optional.empty(), 1, now, now);
            parts.stores().payouts().insert(payout, gathered.items());
            MoneyOutAssertions.require(MoneyOutAssertions.ON_PAYOUT,
                    new MoneyOutAssertions.PayoutItems(payout, parts.stores().payouts().items(id)));
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("beneficiary", beneficiary.kind() + ":" + beneficiary.id());
            changes.put("amount", payout.amount().toString());
            changes.put("lines", Integer.toString(gathered.items().size()));
            parts.audit().record(call, AuditAction.PAYOUT_CREATED, ref(payout), changes);
            return payout;
        });
    }

    Payout approvePayout(OperationContext context, ApprovePayout command) {
        return boundary.call(context, FinanceOperations.APPROVE_PAYOUT, command, (call, c) -> {
            Payout stored = lockAtVersion(call, c.payoutId(), c.expectedVersion());
            PayoutLifecycle.require(Transition.APPROVE, stored.status());
            Payout approved = stored.withStatus(Transition.APPROVE.to()).next(parts.clock().instant());
            parts.stores().payouts().update(approved);
            parts.audit().record(call, AuditAction.PAYOUT_APPROVED, ref(approved), Map.of("amount", approved.amount().toString()));
            return approved;
        });
    }

    Payout cancelPayout(OperationContext context, CancelPayout command) {
        return boundary.call(context, FinanceOperations.CANCEL_PAYOUT, command, (call, c) -> {
            Payout stored = lockAtVersion(call, c.payoutId(), c.expectedVersion());
            PayoutLifecycle.require(Transition.CANCEL, stored.status());
            Payout cancelled = stored.withStatus(Transition.CANCEL.to()).next(parts.clock().instant());
            parts.stores().payouts().update(cancelled);
            parts.audit().record(call, AuditAction.PAYOUT_CANCELLED, ref(cancelled), Map.of("status", "CANCELLED"));
            return cancelled;
        });
    }

    Payout markPayoutPaid(OperationContext context, MarkPayoutPaid command) {
        return boundary.call(context, FinanceOperations.MARK_PAYOUT_PAID, command, (call, c) -> {
            String fingerprint = PaymentIntake.fingerprint("markPayoutPaid", c.payoutId(), c.paidOn().toString(),
                    c.externalReference());
            Optional<Payout> replay = replay(c.idempotencyKey(), fingerprint);
            if (replay.isPresent()) {
                return replay.get();
            }
            Payout stored = call.access().require(parts.stores().payouts().findByIdForUpdate(c.payoutId()),
                    p -> owners(p.beneficiary()), PAYOUT, c.payoutId());
            // another call with this key may have committed while this one waited for the payout's lock
            replay = replay(c.idempotencyKey(), fingerprint);
            if (replay.isPresent()) {
                return replay.get();
            }
            PayoutLifecycle.require(Transition.MARK_PAID, stored.status());
            List<PayoutItem> items = parts.stores().payouts().items(stored.id());
            MoneyOutAssertions.require(MoneyOutAssertions.ON_PAYOUT, new MoneyOutAssertions.PayoutItems(stored, items));
            List<String> lineIds = new ArrayList<>();
            List<String> reversalIds = new ArrayList<>();
            for (PayoutItem item : items) {
                (item.kind() == PayoutEntryKind.LINE ? lineIds : reversalIds).add(item.entryId());
            }
            if (!lineIds.isEmpty()) {
                parts.stores().commissions().markPaidOut(lineIds);
            }
            if (!reversalIds.isEmpty()) {
                parts.stores().refunds().markPaidOut(reversalIds);
            }
            Payout paid = stored.withStatus(Transition.MARK_PAID.to()).withPayment(c.externalReference(), c.paidOn())
                    .next(parts.clock().instant());
            parts.stores().payouts().update(paid);
            Map<String, String> changes = new LinkedHashMap<>();
            changes.put("amount", paid.amount().toString());
            changes.put("paidOn", c.paidOn().toString());
            changes.put("lines", Integer.toString(items.size()));
            parts.audit().record(call, AuditAction.PAYOUT_MARKED_PAID, ref(paid), changes);
            parts.remember(PAYOUT_PAID_KEY_SCOPE, c.idempotencyKey(), fingerprint, paid.id());
            return paid;
        });
    }

    private Optional<Payout> replay(String key, String fingerprint) {
        Optional<IdempotencyRecord> first = parts.earlierCall(PAYOUT_PAID_KEY_SCOPE, key, fingerprint);
        return first.map(r -> parts.stores().payouts().findById(r.resultId())
                .orElseThrow(() -> FinanceParts.missing(PAYOUT)));
    }

    private Payout lockAtVersion(Call call, String id, long expectedVersion) {
        Payout stored = call.access().require(parts.stores().payouts().findByIdForUpdate(id), p -> owners(p.beneficiary()),
                PAYOUT, id);
        if (stored.version() != expectedVersion) {
            throw BreakException.versionMismatch(PAYOUT, id);
        }
        return stored;
    }

    /** The audit subject of a payout. */
    static EntityRef ref(Payout payout) {
        return EntityRef.of(EntityType.PAYOUT, payout.id());
    }
}
