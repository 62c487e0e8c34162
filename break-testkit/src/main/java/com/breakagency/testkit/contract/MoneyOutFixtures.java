package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.TODAY;
import static com.breakagency.testkit.Fixtures.aBankReference;
import static com.breakagency.testkit.Fixtures.aPaymentInFull;
import static com.breakagency.testkit.Fixtures.anId;
import static com.breakagency.testkit.Fixtures.anIssuedInvoice;
import static com.breakagency.testkit.Fixtures.theAgencySplitOf;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.Refund;
import com.breakagency.ports.model.finance.ReversalKind;
import com.breakagency.ports.spi.Persistence;
import java.util.List;

/** Records the money-out contracts store before what they test, so adapters may have foreign keys. */
final class MoneyOutFixtures {

    private MoneyOutFixtures() {
    }

    /**
     * A stored issued invoice, its payment in full and the agency's split of it.
     *
     * @param invoice the invoice
     * @param payment the payment
     * @param lines   its lines: talent, house, agent
     */
    record Paid(Invoice invoice, Payment payment, List<CommissionLine> lines) {
    }

    static Paid aStoredSplitPayment(Persistence stores, Money total) {
        Invoice invoice = anIssuedInvoice(total);
        Payment payment = aPaymentInFull(invoice);
        List<CommissionLine> lines = theAgencySplitOf(invoice, payment, anId());
        stores.transactions().inTransaction(() -> {
            stores.invoices().insert(invoice);
            stores.payments().insert(payment);
            stores.commissions().insertAll(lines);
            return null;
        });
        return new Paid(invoice, payment, lines);
    }

    static Refund aRefund(Paid paid, long minorUnits) {
        return new Refund(anId(), paid.payment().id(), paid.invoice().id(),
                new Money(minorUnits, paid.payment().amount().currency()), TODAY, aBankReference(), "returned", anId(), NOW);
    }

    static CommissionReversal aReversal(Refund refund, CommissionLine line, long minorUnits, ReversalKind kind) {
        return new CommissionReversal(anId(), refund.id(), line.id(), line.paymentId(), line.invoiceId(), line.talentId(),
                line.beneficiary(), new Money(minorUnits, line.amount().currency()), kind, CommissionStatus.PENDING_PAYOUT,
                NOW);
    }
}
