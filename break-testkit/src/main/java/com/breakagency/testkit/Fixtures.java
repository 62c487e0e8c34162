package com.breakagency.testkit;

import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Activity;
import com.breakagency.ports.model.crm.ActivityKind;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.BrandStatus;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.SocialHandle;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.IdempotencyRecord;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceLine;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CRM, finance, work-queue and audit records ready to store, for tests that read like the domain:
 * {@code aBrand()}, {@code aDeal(brandId, talentId, agentId)}, {@code anIssuedInvoice(total)},
 * {@code aPayment(invoice, amount, reference)}, {@code theAgencySplitOf(invoice, payment, agentId)}.
 *
 * <p>Every record is new: fresh ids from {@link TestIds}, fresh domains, addresses, invoice numbers and
 * references (so uniqueness never trips by accident), version 1, and {@link #NOW} as its timestamps.
 * Domains and addresses are already normalized, as stores expect them. Every instant is whole
 * microseconds, what relational databases keep.
 */
public final class Fixtures {

    /**
     * When fixtures are created: a Monday morning, with a microsecond part so that a round trip proves a
     * store keeps microseconds (what relational databases keep).
     */
    public static final Instant NOW = Instant.parse("2026-01-05T09:00:00.123456Z");

    /** The day of {@link #NOW} in UTC: when fixture payments arrive. */
    public static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    /** Where fresh invoice numbers start: far above the numbers a store hands out, and new every run. */
    private static final AtomicLong INVOICE_NUMBERS = new AtomicLong(System.currentTimeMillis() * 1_000);

    private Fixtures() {
    }

    /**
     * A new id.
     *
     * @return an id from {@link TestIds}
     */
    public static String anId() {
        return TestIds.next();
    }

    /**
     * A domain nobody owns yet, normalized.
     *
     * @return such as {@code d<fresh id>.example.com}
     */
    public static String aDomain() {
        return "d" + TestIds.next() + ".example.com";
    }

    /**
     * An address nobody has yet, normalized.
     *
     * @return such as {@code c<fresh id>@example.com}
     */
    public static String anEmail() {
        return "c" + TestIds.next() + "@example.com";
    }

    /**
     * An active brand with one fresh domain, owned by a fresh agent.
     *
     * @return the brand
     */
    public static Brand aBrand() {
        return aBrand(aDomain());
    }

    /**
     * An active brand with these domains, owned by a fresh agent.
     *
     * @param domains normalized domains
     * @return the brand
     */
    public static Brand aBrand(String... domains) {
        return new Brand(anId(), "Acme Skincare", Set.copyOf(Arrays.asList(domains)), BrandStatus.ACTIVE, anId(),
                Set.of("beauty", "skincare"), 1, NOW, NOW);
    }

    /**
     * An active brand with one fresh domain, owned by an agent.
     *
     * @param agentId the owning agent
     * @return the brand
     */
    public static Brand aBrandOwnedBy(String agentId) {
        Brand brand = aBrand();
        return new Brand(brand.id(), brand.name(), brand.domains(), brand.status(), agentId, brand.tags(),
                brand.version(), brand.createdAt(), brand.updatedAt());
    }

    /**
     * A contact with a fresh primary address, a title and a phone number, at no brand.
     *
     * @return the contact
     */
    public static Contact aContact() {
        return aContact(anEmail());
    }

    /**
     * A contact with these addresses, at no brand.
     *
     * @param primaryEmail the main address, normalized
     * @param otherEmails  further addresses, normalized
     * @return the contact
     */
    public static Contact aContact(String primaryEmail, String... otherEmails) {
        return new Contact(anId(), Optional.empty(), "Jane Doe", primaryEmail, Set.copyOf(Arrays.asList(otherEmails)),
                Optional.of("Head of Partnerships"), Optional.of("+44 20 7946 0000"), false, 1, NOW, NOW);
    }

    /**
     * A contact with a fresh address who works for a brand.
     *
     * @param brandId the brand
     * @return the contact
     */
    public static Contact aContactOf(String brandId) {
        Contact c = aContact();
        return new Contact(c.id(), Optional.of(brandId), c.name(), c.primaryEmail(), c.otherEmails(), c.title(),
                c.phone(), c.archived(), c.version(), c.createdAt(), c.updatedAt());
    }

    /**
     * A talent with two social accounts, an address and a fresh managing agent, paid in GBP.
     *
     * @return the profile
     */
    public static Talent aTalent() {
        return aTalentManagedBy(anId());
    }

    /**
     * A talent managed by an agent.
     *
     * @param agentId the managing agent
     * @return the profile
     */
    public static Talent aTalentManagedBy(String agentId) {
        return new Talent(anId(), "Sam Creator",
                List.of(new SocialHandle("instagram", "samcreates"), new SocialHandle("tiktok", "sam.creates")),
                Optional.of(anEmail()), Optional.of(agentId), Optional.empty(), Currency.getInstance("GBP"), false, 1,
                NOW, NOW);
    }

    /**
     * A new lead worth GBP 2,500.00.
     *
     * @param brandId  the brand
     * @param talentId the talent
     * @param agentId  the owning agent
     * @return the deal
     */
    public static Deal aDeal(String brandId, String talentId, String agentId) {
        return new Deal(anId(), brandId, talentId, agentId, "Spring campaign: 3 posts", Money.of(250_000, "GBP"),
                DealStage.NEW_LEAD, Optional.empty(), 1, NOW, NOW);
    }

    /**
     * A note on a timeline, by a fresh author.
     *
     * @param subject whose timeline
     * @return the entry
     */
    public static Activity aNote(EntityRef subject) {
        return new Activity(anId(), subject, ActivityKind.NOTE, anId(), NOW,
                "Called them; they want a deck by Friday.");
    }

    /**
     * An audit event at {@link #NOW} by a fresh agent.
     *
     * @param action what happened
     * @param entity to which record
     * @return the event
     */
    public static AuditEvent anAuditEvent(AuditAction action, EntityRef entity) {
        return anAuditEvent(action, entity, NOW);
    }

    /**
     * An audit event by a fresh agent.
     *
     * @param action what happened
     * @param entity to which record
     * @param at     when
     * @return the event
     */
    public static AuditEvent anAuditEvent(AuditAction action, EntityRef entity, Instant at) {
        return new AuditEvent(anId(), action, entity, anId(), Set.of(Role.AGENT), anId(), at,
                Map.of("name", "Acme Skincare"));
    }

    // ---- finance -----------------------------------------------------------------------------------

    /**
     * An invoice number no other fixture has used: unique within a run and across runs, and far above the
     * 1, 2, 3, … of {@code Invoices.nextNumber()}.
     *
     * @return the number
     */
    public static long anInvoiceNumber() {
        return INVOICE_NUMBERS.incrementAndGet();
    }

    /**
     * A bank transaction id no other fixture has used, as a payment's external reference.
     *
     * @return such as {@code bank-<fresh id>}
     */
    public static String aBankReference() {
        return "bank-" + TestIds.next();
    }

    /**
     * A draft invoice of GBP 2,500.00 (two lines) for a fresh deal, brand and talent.
     *
     * @return the invoice
     */
    public static Invoice anInvoice() {
        return anInvoice(anId(), anId());
    }

    /**
     * A draft invoice of GBP 2,500.00 (two lines) for a fresh deal: no number, no due date, nothing paid.
     *
     * @param brandId  the brand billed
     * @param talentId the talent whose work is billed
     * @return the invoice
     */
    public static Invoice anInvoice(String brandId, String talentId) {
        return anInvoiceForDeal(anId(), brandId, talentId);
    }

    /**
     * A draft invoice of GBP 2,500.00 (two lines) for a deal, billing a fresh brand for a fresh talent.
     *
     * @param dealId the deal
     * @return the invoice
     */
    public static Invoice anInvoiceForDeal(String dealId) {
        return anInvoiceForDeal(dealId, anId(), anId());
    }

    /**
     * A draft invoice of GBP 2,500.00 (two lines) for a deal, billing its brand for its talent: the invoice a
     * deal entering PAYMENT_PENDING gets.
     *
     * @param deal the deal
     * @return the invoice
     */
    public static Invoice anInvoiceFor(Deal deal) {
        return anInvoiceForDeal(deal.id(), deal.brandId(), deal.talentId());
    }

    private static Invoice anInvoiceForDeal(String dealId, String brandId, String talentId) {
        List<InvoiceLine> lines = List.of(new InvoiceLine("Spring campaign: 3 posts", Money.of(200_000, "GBP")),
                new InvoiceLine("Usage rights, 6 months", Money.of(50_000, "GBP")));
        return new Invoice(anId(), dealId, brandId, talentId, Optional.empty(), lines,
                Money.of(250_000, "GBP"), Money.of(0, "GBP"), Optional.empty(), InvoiceStatus.DRAFT,
                CommissionState.NONE, 1, NOW, NOW);
    }

    /**
     * An issued invoice of one line, for a fresh deal, brand and talent: a fresh number, due
     * thirty days after {@link #TODAY}, nothing paid yet.
     *
     * @param total what is billed, in the invoice's currency
     * @return the invoice
     */
    public static Invoice anIssuedInvoice(Money total) {
        return new Invoice(anId(), anId(), anId(), anId(), Optional.of(anInvoiceNumber()),
                List.of(new InvoiceLine("Spring campaign: 3 posts", total)), total, Money.zero(total.currency()),
                Optional.of(TODAY.plusDays(30)), InvoiceStatus.ISSUED, CommissionState.NONE, 1, NOW, NOW);
    }

    /**
     * Money from the bank feed for an invoice, received {@link #TODAY} and recorded at {@link #NOW} by a
     * fresh finance user.
     *
     * @param invoice           the invoice paid
     * @param amount            how much, in the invoice's currency
     * @param externalReference the bank's transaction id
     * @return the payment
     */
    public static Payment aPayment(Invoice invoice, Money amount, String externalReference) {
        return new Payment(anId(), invoice.id(), amount, TODAY, externalReference, PaymentSource.BANK_FEED, anId(),
                NOW);
    }

    /**
     * The whole of an invoice's total, from the bank feed, with a fresh reference.
     *
     * @param invoice the invoice paid
     * @return the payment
     */
    public static Payment aPaymentInFull(Invoice invoice) {
        return aPayment(invoice, invoice.total(), aBankReference());
    }

    /**
     * One beneficiary's line of a payment under the agency's default plan, pending payout: the payment
     * times the rate, rounded down to the minor unit.
     *
     * @param invoice     the invoice paid
     * @param payment     the payment allocated
     * @param beneficiary who the line pays
     * @param rate        the beneficiary's share, as a fraction
     * @return the line
     */
    public static CommissionLine aCommissionLine(Invoice invoice, Payment payment, Beneficiary beneficiary,
                                                 BigDecimal rate) {
        long amount = BigDecimal.valueOf(payment.amount().minorUnits()).multiply(rate)
                .setScale(0, RoundingMode.DOWN).longValueExact();
        return new CommissionLine(anId(), payment.id(), invoice.id(), invoice.dealId(), invoice.talentId(),
                beneficiary, payment.amount(), rate, CommissionPlan.AGENCY_DEFAULT_ID,
                new Money(amount, payment.amount().currency()), CommissionStatus.PENDING_PAYOUT, NOW);
    }

    /**
     * The lines of a payment under the agency's default plan, in id order: the talent's 80%, the house's
     * 15% and the managing agent's 5%. The house and the agent are rounded down and the talent takes the
     * rest, so the lines sum exactly to the payment.
     *
     * @param invoice the invoice paid
     * @param payment the payment allocated
     * @param agentId the talent's managing agent
     * @return the three lines
     */
    public static List<CommissionLine> theAgencySplitOf(Invoice invoice, Payment payment, String agentId) {
        CommissionLine talent = aCommissionLine(invoice, payment, Beneficiary.talent(invoice.talentId()),
                new BigDecimal("0.80"));
        CommissionLine house = aCommissionLine(invoice, payment, Beneficiary.HOUSE, new BigDecimal("0.15"));
        CommissionLine agent = aCommissionLine(invoice, payment, Beneficiary.agent(agentId), new BigDecimal("0.05"));
        Money rest = payment.amount().minus(house.amount()).minus(agent.amount());
        CommissionLine talentTakesTheRest = new CommissionLine(talent.id(), talent.paymentId(), talent.invoiceId(),
                talent.dealId(), talent.talentId(), talent.beneficiary(), talent.basis(), talent.rate(),
                talent.planId(), rest, talent.status(), talent.createdAt());
        return List.of(talentTakesTheRest, house, agent);
    }

    /**
     * A commission plan with a fresh id whose house does not take an unassigned agent's share.
     *
     * @param agencyRateBps the agency's share of a payment, in basis points
     * @param agentShareBps the agent's share of the agency's share, in basis points
     * @return the plan
     */
    public static CommissionPlan aCommissionPlan(int agencyRateBps, int agentShareBps) {
        return new CommissionPlan(anId(), agencyRateBps, agentShareBps, false);
    }

    /**
     * An idempotency key no other fixture has used.
     *
     * @return such as {@code key-<fresh id>}
     */
    public static String anIdempotencyKey() {
        return "key-" + TestIds.next();
    }

    /**
     * What a first call with a key left: a fresh fingerprint and result, committed at {@link #NOW}, kept
     * for 24 hours.
     *
     * @param scope the operation, such as {@code finance.recordPayment}
     * @param key   the caller's key
     * @return the record
     */
    public static IdempotencyRecord anIdempotencyRecord(String scope, String key) {
        return new IdempotencyRecord(scope, key, "sha256:" + TestIds.next(), anId(), NOW,
                NOW.plus(24, ChronoUnit.HOURS));
    }

    // ---- work queue --------------------------------------------------------------------------------

    /**
     * A step queued at {@link #NOW} and due then: PENDING, never tried, about a fresh invoice.
     *
     * @param type     what to do, such as {@code ENSURE_COMMISSIONS}
     * @param dedupKey its dedup key
     * @return the step
     */
    public static WorkStep aStep(String type, String dedupKey) {
        return new WorkStep(anId(), type, dedupKey, Map.of("invoiceId", anId()), StepStatus.PENDING, 0, NOW,
                Optional.empty(), Optional.empty(), Optional.empty(), NOW, NOW, 1);
    }
}
