package com.breakagency.core.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.breakagency.core.finance.InvoiceLifecycle.Transition;
import com.breakagency.core.finance.PaymentDecision.Accepted;
import com.breakagency.core.finance.PaymentDecision.Refused;
import com.breakagency.core.finance.PaymentDecision.Why;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The payment decision on its own: an invoice and an amount in, accepted or refused out; no store. */
class PaymentDecisionTest {

    private static Invoice invoice(InvoiceStatus status, long total, long paid) {
        Instant at = Instant.parse("2026-03-01T09:00:00Z");
        return new Invoice("inv-1", "deal-1", "brand-1", "talent-1", Optional.of(7L), List.of(), Money.of(total, "GBP"),
                Money.of(paid, "GBP"), Optional.of(LocalDate.of(2026, 3, 31)), status, CommissionState.ALLOCATED, 3, at, at);
    }

    @Example
    void a_payment_below_what_is_owed_is_accepted_as_a_part_payment() {
        Accepted accepted = assertInstanceOf(Accepted.class,
                PaymentDecision.decide(invoice(InvoiceStatus.ISSUED, 1000_00, 0), 400_00, "GBP"));
        assertEquals(Money.of(400_00, "GBP"), accepted.amount());
        assertEquals(Money.of(400_00, "GBP"), accepted.paid());
        assertEquals(Transition.PART_PAY, accepted.transition());
        assertEquals(InvoiceStatus.PARTIALLY_PAID, accepted.status());
    }

    @Example
    void the_payment_of_what_is_left_settles_the_invoice() {
        Accepted accepted = assertInstanceOf(Accepted.class,
                PaymentDecision.decide(invoice(InvoiceStatus.PARTIALLY_PAID, 1000_00, 400_00), 600_00, "GBP"));
        assertEquals(Money.of(1000_00, "GBP"), accepted.paid());
        assertEquals(Transition.PAY_IN_FULL, accepted.transition());
        assertEquals(InvoiceStatus.PAID, accepted.status());
    }

    @Example
    void marking_paid_pays_exactly_what_is_outstanding() {
        Accepted accepted = assertInstanceOf(Accepted.class,
                PaymentDecision.decideInFull(invoice(InvoiceStatus.PARTIALLY_PAID, 1000_00, 250_01)));
        assertEquals(Money.of(749_99, "GBP"), accepted.amount());
        assertEquals(InvoiceStatus.PAID, accepted.status());
    }

    @Example
    void more_than_is_owed_is_refused_as_an_overpayment() {
        Refused refused = refused(PaymentDecision.decide(invoice(InvoiceStatus.PARTIALLY_PAID, 1000_00, 400_00),
                600_01, "GBP"), Why.OVERPAYMENT);
        BreakException error = refused.toException();
        assertEquals(ErrorCode.CONFLICT, error.code());
        assertEquals("OVERPAYMENT", error.reason());
        assertEquals("GBP 600.00", error.metadata().get("outstanding"));
    }

    @Example
    void a_payment_in_another_currency_is_refused_on_the_currency_field() {
        BreakException error = refused(PaymentDecision.decide(invoice(InvoiceStatus.ISSUED, 1000_00, 0), 100_00, "USD"),
                Why.WRONG_CURRENCY).toException();
        assertEquals(ErrorCode.VALIDATION_FAILED, error.code());
        assertEquals("#/amount/currency", error.fieldErrors().get(0).pointer());
    }

    @Example
    void zero_and_negative_payments_are_invalid_state_transitions() {
        for (long amount : new long[] {0, -1, Long.MIN_VALUE}) {
            BreakException error = refused(PaymentDecision.decide(invoice(InvoiceStatus.ISSUED, 1000_00, 0), amount, "GBP"),
                    Why.NOT_POSITIVE).toException();
            assertEquals(Reason.INVALID_STATE_TRANSITION, error.reason());
            assertEquals("ISSUED", error.metadata().get("from"));
            assertEquals("PAID", error.metadata().get("to"));
        }
    }

    @Example
    void drafts_and_void_invoices_take_no_payment() {
        for (InvoiceStatus status : List.of(InvoiceStatus.DRAFT, InvoiceStatus.VOID)) {
            BreakException error = refused(PaymentDecision.decide(invoice(status, 1000_00, 0), 100_00, "GBP"),
                    Why.NOT_PAYABLE).toException();
            assertEquals(ErrorCode.CONFLICT, error.code());
            assertEquals(Reason.INVALID_STATE_TRANSITION, error.reason());
            assertEquals(status.name(), error.metadata().get("from"));
        }
    }

    @Example
    void a_paid_invoice_is_paid_already_whatever_the_amount_or_currency() {
        Invoice paid = invoice(InvoiceStatus.PAID, 1000_00, 1000_00);
        for (Refused refused : List.of(refused(PaymentDecision.decide(paid, 1, "USD"), Why.ALREADY_PAID),
                refused(PaymentDecision.decideInFull(paid), Why.ALREADY_PAID))) {
            BreakException error = refused.toException();
            assertEquals(Reason.INVALID_STATE_TRANSITION, error.reason());
            assertEquals("The invoice is paid already.", error.detail());
        }
    }

    @Property(tries = 500)
    void an_open_invoice_takes_exactly_the_amounts_from_one_unit_to_what_is_owed(
            @ForAll @LongRange(min = 1, max = 1_000_000_00L) long total, @ForAll @LongRange(min = 0, max = 1_000_000_00L) long paid,
            @ForAll @LongRange(min = -10, max = 1_000_000_10L) long amount) {
        if (paid >= total) {
            paid = total - 1;
        }
        InvoiceStatus status = paid == 0 ? InvoiceStatus.ISSUED : InvoiceStatus.PARTIALLY_PAID;
        PaymentDecision.Outcome outcome = PaymentDecision.decide(invoice(status, total, paid), amount, "GBP");
        long owed = total - paid;
        if (amount < 1 || amount > owed) {
            assertEquals(amount < 1 ? Why.NOT_POSITIVE : Why.OVERPAYMENT, assertInstanceOf(Refused.class, outcome).why());
        } else {
            Accepted accepted = assertInstanceOf(Accepted.class, outcome);
            assertEquals(paid + amount, accepted.paid().minorUnits());
            assertEquals(amount == owed ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID, accepted.status());
        }
    }

    private static Refused refused(PaymentDecision.Outcome outcome, Why why) {
        Refused refused = assertInstanceOf(Refused.class, outcome);
        assertEquals(why, refused.why());
        return refused;
    }
}
