package com.breakagency.testkit;

import com.breakagency.ports.api.AuditTrail;
import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.Diagnostics;
import com.breakagency.ports.api.Finance;
import com.breakagency.ports.api.Recovery;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateContact;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.crm.UpdateTalent;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.api.finance.RecordPayment;
import com.breakagency.ports.api.finance.SaveCommissionPlan;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceLine;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Commissions;
import com.breakagency.ports.spi.Invoices;
import com.breakagency.ports.spi.Persistence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A whole agency under test, with fixtures in the agency's words: who calls ({@link #anAdmin()},
 * {@link #aFinanceUser()}, {@link #anAgent(String)}), the CRM records a story starts from
 * ({@link #aBrand()}, {@link #aTalentManagedBy(String)}, {@link #aDealFor(Talent, long, String)}), the invoices
 * and payments it walks through ({@link #anIssuedInvoice(long, String)}, {@link #payInFull(Invoice)}), and what
 * the stores hold afterwards ({@link #written()}, {@link #auditEvents(AuditAction)}).
 *
 * <p>The fixture owns the stores, a {@link TestClock} and a {@link CapturingErrorReporter}; the host builds the
 * agency on them, so this kit needs nothing but the ports. With break-core:
 *
 * <pre>{@code
 * AgencyFixture<BreakAgency> agency = AgencyFixture.inMemory(
 *         wiring -> BreakAgency.builder().persistence(wiring.persistence()).clock(wiring.clock())
 *                 .errorReporter(wiring.reporter()).build(),
 *         built -> new AgencyFixture.Ports(built.crm(), built.finance(), built.recovery(), built.diagnostics(),
 *                 built.auditTrail()));
 * Invoice invoice = agency.anIssuedInvoice(250_000, "GBP");
 * agency.payInFull(invoice);
 * }</pre>
 *
 * <p>Every record is new: fresh names, domains and references from {@link TestIds}, so fixtures never collide,
 * not even on a database that outlives the run. The fixture's agency is closed by {@link #close()}.
 *
 * @param <A> the host's agency type, handed back by {@link #agency()} for what the ports do not cover
 */
public final class AgencyFixture<A extends AutoCloseable> implements AutoCloseable {

    /** The agent who owns the fixtures' brands and deals (and so may read their invoices). */
    public static final String DEAL_OWNER = "agent-owner";

    /** The agent who manages the fixtures' talent (and so earns the agent's share of commission). */
    public static final String MANAGING_AGENT = "agent-manager";

    /** The work-queue step that allocates a payment's commissions. */
    public static final String ENSURE_COMMISSIONS = "ENSURE_COMMISSIONS";

    private static final Instant BEGINNING = Instant.EPOCH;
    private static final Instant END = Instant.parse("3000-01-01T00:00:00Z");

    /**
     * What the host builds its agency on.
     *
     * @param persistence the stores
     * @param clock       the clock, set by hand
     * @param reporter    where the agency reports errors
     */
    public record Wiring(Persistence persistence, TestClock clock, CapturingErrorReporter reporter) {

        /**
         * The same clock and reporter on other stores, such as a wrapper of these that fails on cue.
         *
         * @param other the stores the agency is to see
         * @return the wiring
         */
        public Wiring withPersistence(Persistence other) {
            return new Wiring(other, clock, reporter);
        }
    }

    /**
     * The driving ports of the host's agency, the ones the fixture calls.
     *
     * @param crm         brands, contacts, talent, deals, timelines
     * @param finance     invoices, payments, commissions
     * @param recovery    the work queue and the janitor
     * @param diagnostics health and queue depth
     * @param auditTrail  who did what
     */
    public record Ports(Crm crm, Finance finance, Recovery recovery, Diagnostics diagnostics, AuditTrail auditTrail) {

        /**
         * Checks that every port is given.
         *
         * @throws NullPointerException when one is missing
         */
        public Ports {
            Objects.requireNonNull(crm, "crm");
            Objects.requireNonNull(finance, "finance");
            Objects.requireNonNull(recovery, "recovery");
            Objects.requireNonNull(diagnostics, "diagnostics");
            Objects.requireNonNull(auditTrail, "auditTrail");
        }
    }

    private final Persistence stores;
    private final TestClock clock;
    private final CapturingErrorReporter reports;
    private final Function<A, Ports> portsOf;
    private final A agency;
    private final Ports ports;
    private final boolean owned;

    private AgencyFixture(Persistence stores, TestClock clock, Function<Wiring, A> build, Function<A, Ports> portsOf,
                          boolean owned) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.clock = clock;
        this.reports = new CapturingErrorReporter(stores.transactions());
        this.portsOf = Objects.requireNonNull(portsOf, "portsOf");
        this.agency = Objects.requireNonNull(build.apply(new Wiring(stores, clock, reports)), "the built agency");
        this.ports = Objects.requireNonNull(portsOf.apply(agency), "the agency's ports");
        this.owned = owned;
    }

    /**
     * An agency on fresh in-memory stores, with a {@link TestClock} at its default start.
     *
     * @param <A>     the host's agency type
     * @param build   builds the agency on the wiring
     * @param portsOf the agency's driving ports
     * @return the fixture
     */
    public static <A extends AutoCloseable> AgencyFixture<A> inMemory(Function<Wiring, A> build,
                                                                      Function<A, Ports> portsOf) {
        return on(InMemoryPersistence.create(), build, portsOf);
    }

    /**
     * An agency on the given stores (an adapter's, say), with a {@link TestClock} at its default start.
     *
     * @param <A>     the host's agency type
     * @param stores  the stores the agency runs on and the fixture reads
     * @param build   builds the agency on the wiring
     * @param portsOf the agency's driving ports
     * @return the fixture
     */
    public static <A extends AutoCloseable> AgencyFixture<A> on(Persistence stores, Function<Wiring, A> build,
                                                                Function<A, Ports> portsOf) {
        return new AgencyFixture<>(stores, new TestClock(), build, portsOf, true);
    }

    /**
     * The fixture's records and walks over an agency the host built and owns (a Spring context's, say):
     * {@link #close()} leaves that agency open. The fixture's {@link #clock()} and {@link #reports()} are its own,
     * not the agency's; they date the payments the fixture records and nothing else.
     *
     * @param <A>     the host's agency type
     * @param agency  the agency, built on {@code stores}
     * @param stores  the stores the agency runs on, which the fixture reads
     * @param portsOf the agency's driving ports
     * @return the fixture
     */
    public static <A extends AutoCloseable> AgencyFixture<A> over(A agency, Persistence stores,
                                                                  Function<A, Ports> portsOf) {
        Objects.requireNonNull(agency, "agency");
        return new AgencyFixture<>(stores, new TestClock(), wiring -> agency, portsOf, false);
    }

    /**
     * A second agency on the same stores and clock, with a reporter of its own: another instance of the
     * service, as a host runs two.
     *
     * @param build builds that agency on the wiring
     * @return its fixture, to close on its own
     */
    public AgencyFixture<A> another(Function<Wiring, A> build) {
        return new AgencyFixture<>(stores, clock, build, portsOf, true);
    }

    // ---- what the fixture holds ----

    /**
     * The host's agency, for what its ports do not cover (starting it, running its steps).
     *
     * @return the agency
     */
    public A agency() {
        return agency;
    }

    /**
     * The stores the fixture reads and seeds, which the agency runs on (or on a wrapper of them).
     *
     * @return the stores
     */
    public Persistence stores() {
        return stores;
    }

    /**
     * The agency's clock.
     *
     * @return the clock
     */
    public TestClock clock() {
        return clock;
    }

    /**
     * What the agency reported.
     *
     * @return the reporter
     */
    public CapturingErrorReporter reports() {
        return reports;
    }

    /**
     * The CRM port.
     *
     * @return the agency's CRM
     */
    public Crm crm() {
        return ports.crm();
    }

    /**
     * The finance port.
     *
     * @return the agency's finance
     */
    public Finance finance() {
        return ports.finance();
    }

    /**
     * The recovery port.
     *
     * @return the agency's recovery
     */
    public Recovery recovery() {
        return ports.recovery();
    }

    /**
     * The diagnostics port.
     *
     * @return the agency's diagnostics
     */
    public Diagnostics diagnostics() {
        return ports.diagnostics();
    }

    /**
     * The audit trail port.
     *
     * @return the agency's audit trail
     */
    public AuditTrail auditTrail() {
        return ports.auditTrail();
    }

    /**
     * The clock's day in UTC.
     *
     * @return today
     */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ---- who calls ----

    /**
     * An administrator.
     *
     * @return the context of {@code admin-1}
     */
    public static OperationContext anAdmin() {
        return OperationContext.of(Actor.staff("admin-1", Role.ADMIN));
    }

    /**
     * A finance user.
     *
     * @return the context of {@code finance-1}
     */
    public static OperationContext aFinanceUser() {
        return OperationContext.of(Actor.staff("finance-1", Role.FINANCE));
    }

    /**
     * An agent.
     *
     * @param userId the agent's user id
     * @return the agent's context
     */
    public static OperationContext anAgent(String userId) {
        return OperationContext.of(Actor.staff(userId, Role.AGENT));
    }

    /**
     * A talent's portal user.
     *
     * @param talentId the talent
     * @return the context of {@code talent-user-<talentId>}
     */
    public static OperationContext aTalentUser(String talentId) {
        return OperationContext.of(Actor.talent("talent-user-" + talentId, talentId));
    }

    /**
     * A brand's portal user.
     *
     * @param brandId the brand
     * @return the context of {@code brand-user-<brandId>}
     */
    public static OperationContext aBrandUser(String brandId) {
        return OperationContext.of(Actor.brand("brand-user-" + brandId, brandId));
    }

    /**
     * Someone in a role, for tests that ask every role the same question: staff are {@code <role>-user}, a
     * talent user speaks for {@code talent-1}, a brand user for {@code brand-1}.
     *
     * @param role the role
     * @return the caller's context
     */
    public static OperationContext anyoneIn(Role role) {
        return switch (role) {
            case TALENT -> OperationContext.of(Actor.talent("talent-user", "talent-1"));
            case BRAND -> OperationContext.of(Actor.brand("brand-user", "brand-1"));
            case SYSTEM -> OperationContext.system();
            default -> OperationContext.of(Actor.staff(role.name().toLowerCase(Locale.ROOT) + "-user", role));
        };
    }

    /**
     * The agency's own background work.
     *
     * @return the system context
     */
    public static OperationContext theSystem() {
        return OperationContext.system();
    }

    // ---- the CRM side ----

    /**
     * A brand owned by {@link #DEAL_OWNER}, with a fresh name and domain.
     *
     * @return the brand
     */
    public Brand aBrand() {
        return aBrand(DEAL_OWNER);
    }

    /**
     * A brand with a fresh name and domain.
     *
     * @param ownerAgentId the owning agent
     * @return the brand
     */
    public Brand aBrand(String ownerAgentId) {
        String n = TestIds.next();
        return crm().createBrand(anAdmin(), CreateBrand.of("Brand " + n, ownerAgentId).withDomains("b" + n + ".example"));
    }

    /**
     * A contact at a brand, with a fresh name and address.
     *
     * @param brandId the brand
     * @return the contact
     */
    public Contact aContact(String brandId) {
        String n = TestIds.next();
        return crm().createContact(anAdmin(), CreateContact.of("Contact " + n, "person" + n + "@contacts.example")
                .atBrand(brandId));
    }

    /**
     * A talent managed by {@link #MANAGING_AGENT}.
     *
     * @return the profile
     */
    public Talent aTalent() {
        return aTalentManagedBy(MANAGING_AGENT);
    }

    /**
     * A talent nobody manages yet: the agent's share of its commissions cannot be paid, so a payment of
     * its invoices is recorded with its commissions pending and a repair step queued.
     *
     * @return the profile
     */
    public Talent anUnmanagedTalent() {
        return aTalentManagedBy(null);
    }

    /**
     * A talent with a fresh name.
     *
     * @param agentId the managing agent, or null for none
     * @return the profile
     */
    public Talent aTalentManagedBy(String agentId) {
        return aTalentOnPlan(agentId, null);
    }

    /**
     * A talent with a fresh name on a commission plan.
     *
     * @param agentId the managing agent, or null for none
     * @param planId  the talent's plan, or null for the agency's default
     * @return the profile
     */
    public Talent aTalentOnPlan(String agentId, String planId) {
        return crm().createTalent(anAdmin(), CreateTalent.named("Talent " + TestIds.next()).managedBy(agentId)
                .withCommissionPlan(planId));
    }

    /**
     * Gives a talent another managing agent, as an administrator.
     *
     * @param talent  the talent, at any version
     * @param agentId the new managing agent
     * @return the profile as stored now
     */
    public Talent assignAgent(Talent talent, String agentId) {
        Talent current = stores.talents().findById(talent.id()).orElseThrow();
        return crm().updateTalent(anAdmin(), UpdateTalent.of(current.id(), current.version()).withName(current.name())
                .withHandles(current.handles()).managedBy(agentId));
    }

    /**
     * A deal worth GBP 1,000.00.
     *
     * @param brand        the brand
     * @param talent       the talent
     * @param ownerAgentId the owning agent
     * @return the deal
     */
    public Deal aDeal(Brand brand, Talent talent, String ownerAgentId) {
        return aDeal(brand, talent, ownerAgentId, 100_000, "GBP");
    }

    /**
     * A deal with a fresh title.
     *
     * @param brand           the brand
     * @param talent          the talent
     * @param ownerAgentId    the owning agent
     * @param valueMinorUnits its value, in minor units
     * @param currency        its currency
     * @return the deal
     */
    public Deal aDeal(Brand brand, Talent talent, String ownerAgentId, long valueMinorUnits, String currency) {
        return aDealOnPlan(brand, talent, ownerAgentId, valueMinorUnits, currency, null);
    }

    /**
     * A deal with a fresh title on a commission plan.
     *
     * @param brand           the brand
     * @param talent          the talent
     * @param ownerAgentId    the owning agent
     * @param valueMinorUnits its value, in minor units
     * @param currency        its currency
     * @param planId          the deal's plan, or null for the talent's
     * @return the deal
     */
    public Deal aDealOnPlan(Brand brand, Talent talent, String ownerAgentId, long valueMinorUnits, String currency,
                            String planId) {
        return crm().createDeal(anAdmin(), CreateDeal.of(brand.id(), talent.id(), ownerAgentId,
                "Campaign " + TestIds.next(), Money.of(valueMinorUnits, currency)).withCommissionPlan(planId));
    }

    /**
     * A deal of a talent with a fresh brand, both owned by {@link #DEAL_OWNER}.
     *
     * @param talent          the talent
     * @param valueMinorUnits its value, in minor units
     * @param currency        its currency
     * @return the deal
     */
    public Deal aDealFor(Talent talent, long valueMinorUnits, String currency) {
        return aDeal(aBrand(), talent, DEAL_OWNER, valueMinorUnits, currency);
    }

    /**
     * A commission plan, saved by a finance user.
     *
     * @param id            the plan's id
     * @param agencyRateBps the agency's share of a payment, in basis points
     * @param agentShareBps the agent's share of the agency's share, in basis points
     * @return the plan
     */
    public CommissionPlan aCommissionPlan(String id, int agencyRateBps, int agentShareBps) {
        return finance().saveCommissionPlan(aFinanceUser(), new SaveCommissionPlan(id, agencyRateBps, agentShareBps,
                false));
    }

    // ---- invoices ----

    /**
     * Moves a deal to PAYMENT_PENDING, which drafts its invoice.
     *
     * @param deal the deal, at its current version
     * @return the draft
     */
    public Invoice aDraftInvoice(Deal deal) {
        crm().moveDealStage(anAdmin(), new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_PENDING));
        return invoiceOf(deal);
    }

    /**
     * The draft of a deal of a fresh brand and a talent managed by {@link #MANAGING_AGENT}, owned by
     * {@link #DEAL_OWNER}.
     *
     * @param totalMinorUnits the deal's value, in minor units
     * @param currency        its currency
     * @return the draft
     */
    public Invoice aDraftInvoice(long totalMinorUnits, String currency) {
        return aDraftInvoice(aDealFor(aTalent(), totalMinorUnits, currency));
    }

    /**
     * The deal's invoice, issued with the agency's payment terms.
     *
     * @param deal the deal, at its current version
     * @return the issued invoice
     */
    public Invoice anIssuedInvoice(Deal deal) {
        return issue(aDraftInvoice(deal), null);
    }

    /**
     * The deal's invoice, issued.
     *
     * @param deal    the deal, at its current version
     * @param dueDate when it is due, or null for the agency's payment terms
     * @return the issued invoice
     */
    public Invoice anIssuedInvoice(Deal deal, LocalDate dueDate) {
        return issue(aDraftInvoice(deal), dueDate);
    }

    /**
     * As {@link #aDraftInvoice(long, String)}, issued with the agency's payment terms.
     *
     * @param totalMinorUnits the total, in minor units
     * @param currency        its currency
     * @return the issued invoice
     */
    public Invoice anIssuedInvoice(long totalMinorUnits, String currency) {
        return anIssuedInvoice(totalMinorUnits, currency, null);
    }

    /**
     * As {@link #aDraftInvoice(long, String)}, issued.
     *
     * @param totalMinorUnits the total, in minor units
     * @param currency        its currency
     * @param dueDate         when it is due, or null for the agency's payment terms
     * @return the issued invoice
     */
    public Invoice anIssuedInvoice(long totalMinorUnits, String currency, LocalDate dueDate) {
        return issue(aDraftInvoice(totalMinorUnits, currency), dueDate);
    }

    /**
     * An issued invoice of a new deal of the talent with a fresh brand.
     *
     * @param talent the talent
     * @param total  the total
     * @return the issued invoice
     */
    public Invoice anIssuedInvoice(Talent talent, Money total) {
        return anIssuedInvoice(aDealFor(talent, total.minorUnits(), total.currency().getCurrencyCode()));
    }

    /**
     * An issued invoice of a new deal of a fresh brand and a talent managed by {@link #MANAGING_AGENT}.
     *
     * @param total the total
     * @return the issued invoice
     */
    public Invoice anIssuedInvoice(Money total) {
        return anIssuedInvoice(total.minorUnits(), total.currency().getCurrencyCode());
    }

    /**
     * Issues a draft, as a finance user.
     *
     * @param draft   the draft, at its current version
     * @param dueDate when it is due, or null for the agency's payment terms
     * @return the issued invoice
     */
    public Invoice issue(Invoice draft, LocalDate dueDate) {
        return finance().issueInvoice(aFinanceUser(), new IssueInvoice(draft.id(), draft.version(), dueDate));
    }

    /**
     * The one invoice of a deal, read through the finance port.
     *
     * @param deal the deal
     * @return its invoice
     * @throws AssertionError when the deal has none, or more than one
     */
    public Invoice invoiceOf(Deal deal) {
        Page<Invoice> page = finance().listInvoices(anAdmin(), InvoiceQuery.forDeal(deal.id()).limit(10));
        if (page.items().size() != 1) {
            throw new AssertionError("deal " + deal.id() + " has " + page.items().size() + " invoices");
        }
        return page.items().get(0);
    }

    /**
     * An invoice as it is now.
     *
     * @param invoice the invoice, at any version
     * @return the invoice read again
     */
    public Invoice reload(Invoice invoice) {
        return finance().getInvoice(anAdmin(), invoice.id());
    }

    // ---- payments ----

    /**
     * Records money from the bank feed received today, as a finance user, under a fresh reference.
     *
     * @param invoice          the invoice paid
     * @param amountMinorUnits how much, in the invoice's currency
     * @return what the agency decided
     */
    public PaymentResult pay(Invoice invoice, long amountMinorUnits) {
        return pay(invoice, amountMinorUnits, today());
    }

    /**
     * Records money from the bank feed, as a finance user, under a fresh reference.
     *
     * @param invoice          the invoice paid
     * @param amountMinorUnits how much, in the invoice's currency
     * @param receivedOn       when it arrived
     * @return what the agency decided
     */
    public PaymentResult pay(Invoice invoice, long amountMinorUnits, LocalDate receivedOn) {
        return finance().recordPayment(aFinanceUser(), RecordPayment.of(invoice.id(),
                Money.of(amountMinorUnits, invoice.total().currency().getCurrencyCode()), receivedOn,
                Fixtures.aBankReference()).via(PaymentSource.BANK_FEED));
    }

    /**
     * Marks an invoice paid in full today, as a finance user, under a fresh reference.
     *
     * @param invoice the invoice
     * @return what the agency decided
     */
    public PaymentResult payInFull(Invoice invoice) {
        String reference = Fixtures.aBankReference();
        return finance().markInvoicePaid(aFinanceUser(), aFullPayment(invoice, reference, reference));
    }

    /**
     * The command that marks an invoice paid in full today from the bank feed.
     *
     * @param invoice        the invoice
     * @param reference      the bank's transaction id
     * @param idempotencyKey the caller's key
     * @return the command
     */
    public MarkInvoicePaid aFullPayment(Invoice invoice, String reference, String idempotencyKey) {
        return new MarkInvoicePaid(invoice.id(), today(), reference, idempotencyKey, PaymentSource.BANK_FEED);
    }

    /**
     * A paid invoice of a fresh brand whose payment has no commission lines and no step, written straight
     * into the stores the way a crashed release could have left it; its commissions claim to be ALLOCATED.
     *
     * @param talent           whose work it bills
     * @param amountMinorUnits the payment, in GBP minor units
     * @param age              how long before the clock's now the payment was recorded
     * @return the payment
     */
    public Payment aPaymentLeftWithoutCommissions(Talent talent, long amountMinorUnits, Duration age) {
        Instant recorded = clock.instant().minus(age);
        Money total = Money.of(amountMinorUnits, "GBP");
        LocalDate paidOn = LocalDate.ofInstant(recorded, ZoneOffset.UTC);
        Invoice invoice = new Invoice(TestIds.next(), TestIds.next(), aBrand().id(), talent.id(),
                Optional.of(Fixtures.anInvoiceNumber()), List.of(new InvoiceLine("Old campaign", total)), total, total,
                Optional.of(paidOn), InvoiceStatus.PAID, CommissionState.ALLOCATED, 3, recorded, recorded);
        stores.invoices().insert(invoice);
        Payment payment = new Payment(TestIds.next(), invoice.id(), total, paidOn, Fixtures.aBankReference(),
                PaymentSource.MANUAL, "finance-1", recorded);
        stores.payments().insert(payment);
        return payment;
    }

    // ---- what is stored ----

    /**
     * Everything finance can write, read straight from the stores: a test compares two of these to show that
     * a call wrote nothing.
     *
     * @param invoices    every invoice
     * @param payments    every payment
     * @param lines       every commission line
     * @param auditEvents how many audit events there are
     * @param steps       every work-queue step
     */
    public record Written(List<Invoice> invoices, List<Payment> payments, List<CommissionLine> lines,
                          int auditEvents, List<WorkStep> steps) {
    }

    /**
     * What the stores hold now.
     *
     * @return everything finance can write
     */
    public Written written() {
        return new Written(stores.invoices().list(Invoices.Query.ALL, Optional.empty(), Integer.MAX_VALUE),
                stores.payments().receivedBetween(LocalDate.MIN, LocalDate.MAX, Optional.empty(), Integer.MAX_VALUE),
                stores.commissions().list(Commissions.Query.ALL, Optional.empty(), Integer.MAX_VALUE),
                auditEvents(),
                stores.workQueue().list(Optional.empty(), Optional.empty(), Optional.empty(), Integer.MAX_VALUE));
    }

    /**
     * How many audit events there are, of every action.
     *
     * @return the count
     */
    public int auditEvents() {
        int count = 0;
        for (AuditAction action : AuditAction.values()) {
            count += auditEvents(action).size();
        }
        return count;
    }

    /**
     * The audit events of an action, from the store.
     *
     * @param action what happened
     * @return the events
     */
    public List<AuditEvent> auditEvents(AuditAction action) {
        return stores.auditLog().byAction(action, BEGINNING, END, Optional.empty(), Integer.MAX_VALUE);
    }

    /**
     * The audit events of a record, from the store.
     *
     * @param entity the record
     * @return the events
     */
    public List<AuditEvent> auditEventsOf(EntityRef entity) {
        return stores.auditLog().byEntity(entity, Optional.empty(), Integer.MAX_VALUE);
    }

    /**
     * The audit events of one action on a record, from the store.
     *
     * @param action what happened
     * @param type   the record's type
     * @param id     the record's id
     * @return the events
     */
    public List<AuditEvent> auditEventsOf(AuditAction action, EntityType type, String id) {
        return auditEventsOf(EntityRef.of(type, id)).stream().filter(e -> e.action() == action).toList();
    }

    /**
     * The step that allocates an invoice's commissions, if one was queued.
     *
     * @param invoiceId the invoice
     * @return the step
     */
    public Optional<WorkStep> commissionStepOf(String invoiceId) {
        return stores.workQueue().findByDedupKey(ENSURE_COMMISSIONS + ":" + invoiceId);
    }

    /**
     * The steps in a status.
     *
     * @param status the status
     * @return the steps
     */
    public List<WorkStep> steps(StepStatus status) {
        return stores.workQueue().list(Optional.of(status), Optional.empty(), Optional.empty(), Integer.MAX_VALUE);
    }

    /**
     * What an invoice's commission lines add up to, in minor units.
     *
     * @param invoiceId the invoice
     * @return the sum
     */
    public long commissionLinesTotal(String invoiceId) {
        return stores.commissions().byInvoice(invoiceId).stream().mapToLong(l -> l.amount().minorUnits()).sum();
    }

    /**
     * Closes the agency, unless the fixture was made {@link #over} one the host owns.
     *
     * @throws IllegalStateException when the agency fails to close
     */
    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try {
            agency.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the agency did not close", e);
        }
    }
}
