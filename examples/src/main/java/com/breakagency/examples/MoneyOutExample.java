package com.breakagency.examples;

import com.breakagency.core.BreakAgency;
import com.breakagency.examples.snippets.MoneyOutSnippets;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.PayoutQuery;
import com.breakagency.ports.api.finance.PayoutStatement;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.testkit.InMemoryPersistence;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Money going out, end to end on the in-memory stores: a payment, the talent's payout, a refund after it that
 * claws back part of what was paid out, the next payout deducting it, and the talent's statement showing each
 * step. Run it with {@code mvn -pl examples exec:java -Dexec.mainClass=com.breakagency.examples.MoneyOutExample}.
 */
public final class MoneyOutExample {

    private static final OperationContext AGENT = OperationContext.of(Actor.staff("agent-ana", Role.AGENT));
    private static final OperationContext FINANCE = OperationContext.of(Actor.staff("finance-fay", Role.FINANCE));

    private MoneyOutExample() {
    }

    /**
     * Runs the example and prints what happened.
     *
     * @param args none
     */
    public static void main(String[] args) {
        run(System.out);
    }

    /**
     * Runs the example.
     *
     * @param out where to print
     */
    static void run(PrintStream out) {
        Clock clock = Clock.systemUTC();
        try (BreakAgency agency = BreakAgency.builder().persistence(InMemoryPersistence.create()).clock(clock).build()) {
            Instant start = clock.instant().truncatedTo(ChronoUnit.DAYS);
            Brand brand = agency.crm().createBrand(AGENT, CreateBrand.of("Northwind Coffee", "agent-ana"));
            Talent talent = agency.crm().createTalent(AGENT, CreateTalent.named("Maya Lopez").managedBy("agent-ana"));
            Invoice first = issue(agency, brand, talent, 100_000);
            Invoice second = issue(agency, brand, talent, 75_000);
            OperationContext maya = OperationContext.of(Actor.talent("maya-user", talent.id()));

            PayoutStatement statement = MoneyOutSnippets.workedExample(agency.finance(), FINANCE, maya, talent, first,
                    second, LocalDate.now(clock), start, start.plus(1, ChronoUnit.DAYS));

            for (Payout p : agency.finance().listPayouts(FINANCE, PayoutQuery.forBeneficiary(BeneficiaryKind.TALENT,
                    talent.id())).items()) {
                out.println("payout " + p.amount() + " " + p.status() + " " + p.externalReference().orElse(""));
            }
            statement.reversals().forEach(r -> out.println("reversal " + r.amount() + " " + r.kind()));
            PayoutStatement.Balance gbp = statement.balances().get("GBP");
            out.println("statement: opening " + gbp.opening() + ", earned " + gbp.earned() + ", reversed "
                    + gbp.reversed() + ", paid out " + gbp.paidOut() + ", closing " + gbp.closing());
        }
    }

    private static Invoice issue(BreakAgency agency, Brand brand, Talent talent, long value) {
        Deal deal = agency.crm().createDeal(AGENT, CreateDeal.of(brand.id(), talent.id(), "agent-ana", "Campaign",
                Money.of(value, "GBP")));
        agency.crm().moveDealStage(AGENT, new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_PENDING));
        Invoice draft = agency.finance().listInvoices(FINANCE, InvoiceQuery.forDeal(deal.id())).items().get(0);
        return agency.finance().issueInvoice(FINANCE, IssueInvoice.of(draft));
    }
}
