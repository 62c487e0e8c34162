package com.breakagency.examples.snippets;

import com.breakagency.ports.api.Finance;
import com.breakagency.ports.api.finance.ApprovePayout;
import com.breakagency.ports.api.finance.CreatePayout;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.MarkPayoutPaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.api.finance.PayoutStatement;
import com.breakagency.ports.api.finance.PayoutStatementQuery;
import com.breakagency.ports.api.finance.RefundPayment;
import com.breakagency.ports.api.finance.RefundResult;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payout;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The README's money-out example as compiled code: a payment, the talent's payout, a refund after it (a
 * clawback), the next payout deducting it, and the statement. {@code MoneyOutExample} runs it.
 */
public final class MoneyOutSnippets {

    private MoneyOutSnippets() {
    }

    /**
     * The worked example: two issued invoices of GBP 1,000.00 and GBP 750.00 for one talent on the default plan.
     *
     * @param finance     the finance port
     * @param financeUser a finance user
     * @param talentUser  the talent's portal user
     * @param talent      the talent
     * @param invoice     the first issued invoice, GBP 1,000.00
     * @param nextInvoice the second issued invoice, GBP 750.00
     * @param today       today
     * @param monthStart  the statement's start
     * @param monthEnd    the statement's end
     * @return the talent's statement
     */
    public static PayoutStatement workedExample(Finance finance, OperationContext financeUser,
                                                OperationContext talentUser, Talent talent, Invoice invoice,
                                                Invoice nextInvoice, LocalDate today, Instant monthStart,
                                                Instant monthEnd) {
        // tag::money-out[]
        // GBP 1,000.00 arrives: talent 800.00, house 150.00, the managing agent 50.00
        PaymentResult paid = finance.markInvoicePaid(financeUser, MarkInvoicePaid.of(invoice.id(), today, "bank-tx-1"));
        // the talent's payout gathers every GBP line owed: DRAFT, then APPROVED, then PAID (its lines PAID_OUT)
        Payout first = finance.createPayout(financeUser, CreatePayout.forTalent(talent.id(), "GBP"));   // GBP 800.00
        first = finance.approvePayout(financeUser, ApprovePayout.of(first));
        first = finance.markPayoutPaid(financeUser, MarkPayoutPaid.of(first.id(), today, "transfer-1"));
        // half goes back to the brand: the reversals split it by the same rule as the payment
        RefundResult refund = finance.refundPayment(financeUser,
                RefundPayment.of(paid.payment().id(), Money.of(50_000, "GBP"), today, "refund-1"));
        refund.reversals();          // talent -400.00 (a CLAWBACK: paid out already), house -75.00, agent -25.00
        refund.invoice().status();   // PARTIALLY_PAID, and the deal is back in PAYMENT_PENDING
        // the next payout deducts the clawback: a new line of GBP 600.00 pays out GBP 200.00
        finance.markInvoicePaid(financeUser, MarkInvoicePaid.of(nextInvoice.id(), today, "bank-tx-2"));
        Payout next = finance.createPayout(financeUser, CreatePayout.forTalent(talent.id(), "GBP"));
        next = finance.approvePayout(financeUser, ApprovePayout.of(next));
        finance.markPayoutPaid(financeUser, MarkPayoutPaid.of(next.id(), today, "transfer-2"));
        // the talent reads their own statement: opening 0, earned 1,400.00, reversed -400.00, paid 1,000.00, closing 0
        PayoutStatement statement = finance.payoutStatement(talentUser,
                PayoutStatementQuery.forTalent(talent.id(), monthStart, monthEnd));
        // end::money-out[]
        return statement;
    }
}
