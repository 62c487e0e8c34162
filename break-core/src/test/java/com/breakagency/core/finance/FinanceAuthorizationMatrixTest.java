package com.breakagency.core.finance;

import com.breakagency.testkit.AgencyFixture;
import com.breakagency.testkit.Refusals;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static com.breakagency.testkit.AgencyFixture.DEAL_OWNER;
import static com.breakagency.testkit.AgencyFixture.MANAGING_AGENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.AuthorizationDocument;
import com.breakagency.core.boundary.Operation;
import com.breakagency.ports.api.finance.CommissionQuery;
import com.breakagency.ports.api.finance.CommissionStatement;
import com.breakagency.ports.api.finance.DraftInvoice;
import com.breakagency.ports.api.finance.EnsureCommissions;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.RecordPayment;
import com.breakagency.ports.api.finance.SaveCommissionPlan;
import com.breakagency.ports.api.finance.StatementQuery;
import com.breakagency.ports.api.finance.TotalsQuery;
import com.breakagency.ports.api.finance.VoidInvoice;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionPlan;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.PaymentSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every finance and recovery operation × every role, run as a real call through the agency and checked
 * against the authorization table of {@code docs/authorization.md} (which
 * {@code PolicyTableMatchesTheDocumentTest} holds equal to the policy table): allowed, allowed for own
 * records, or FORBIDDEN. FORBIDDEN is the same answer for an existing and a missing id, and writes nothing.
 */
class FinanceAuthorizationMatrixTest {

    enum Expect { YES, OWN, NO }

    /** TARGETED: acts on one record named by id. LIST: a listing. OVERALL: no record (totals). */
    enum Kind { TARGETED, LIST, OVERALL }

    static final String MISSING = "no-such-record";

    /** What the table says of one operation and role. */
    static Expect expect(Operation operation, Role role) {
        return switch (AuthorizationDocument.standard().rule(operation, role)) {
            case ALLOW -> Expect.YES;
            case OWN -> Expect.OWN;
            case DENY -> Expect.NO;
        };
    }

    /**
     * A world. Owned by DEAL_OWNER (deals), MANAGING_AGENT (commission lines), talent t1 and brand b1:
     * a partly paid invoice, an issued one, a draft, a deal with no invoice yet. Someone else's: a
     * partly paid USD invoice of brand b2, talent t2, agent-else. One saved commission plan.
     */
    static final class World {
        final AgencyFixture<BreakAgency> b = TestAgencies.inMemory();
        final Brand b1 = b.aBrand(DEAL_OWNER);
        final Brand b2 = b.aBrand("agent-else");
        final Talent t1 = b.aTalentManagedBy(MANAGING_AGENT);
        final Talent t2 = b.aTalentManagedBy("agent-else");
        final Invoice partlyPaid = b.anIssuedInvoice(b.aDeal(b1, t1, DEAL_OWNER, 100_000, "GBP"));
        final Invoice issued = b.anIssuedInvoice(b.aDeal(b1, t1, DEAL_OWNER, 50_000, "GBP"));
        final Invoice draft = b.aDraftInvoice(b.aDeal(b1, t1, DEAL_OWNER, 40_000, "GBP"));
        final Deal undrafted = b.aDeal(b1, t1, DEAL_OWNER, 30_000, "GBP");
        final Invoice someoneElses = b.anIssuedInvoice(b.aDeal(b2, t2, "agent-else", 70_000, "USD"));
        final CommissionPlan plan = b.aCommissionPlan("plan-existing", 2000, 2500);

        World() {
            b.pay(partlyPaid, 20_000);
            b.pay(someoneElses, 10_000);
        }

        OperationContext owner(Role role, Op op) {
            return switch (role) {
                case AGENT -> AgencyFixture.anAgent(op.ownerAgent());
                case TALENT -> AgencyFixture.aTalentUser(t1.id());
                case BRAND -> AgencyFixture.aBrandUser(b1.id());
                default -> nonOwner(role, op);
            };
        }

        OperationContext nonOwner(Role role, Op op) {
            return switch (role) {
                case ADMIN -> AgencyFixture.anAdmin();
                case FINANCE -> AgencyFixture.aFinanceUser();
                case AGENT -> AgencyFixture.anAgent(op.otherAgent());
                case TALENT -> AgencyFixture.aTalentUser(t2.id());
                case BRAND -> AgencyFixture.aBrandUser(b2.id());
                case SYSTEM -> AgencyFixture.theSystem();
            };
        }

        /** What FORBIDDEN must leave as it was: every store finance writes, and both plan ids. */
        record Snapshot(AgencyFixture.Written written, Optional<CommissionPlan> existingPlan, Optional<CommissionPlan> newPlan) {
        }

        Snapshot snapshot() {
            return new Snapshot(b.written(), b.stores().commissionPlans().find("plan-existing"),
                    b.stores().commissionPlans().find("plan-new"));
        }
    }

    @FunctionalInterface
    interface Run {
        Object apply(World w, OperationContext ctx, boolean missing);
    }

    /**
     * One operation: how to run it against the owned record (or a missing id). For TARGETED operations,
     * whether an allowed caller gets NOT_FOUND for a missing id (a statement of nobody is empty; saving a
     * plan under a new id creates it). Which agent owns its records, and which agent is close to them but
     * does not (the managing agent does not own the deal; the deal's owner is not paid by its lines).
     */
    record Op(Operation operation, Kind kind, boolean missingIsNotFound, String ownerAgent,
              String otherAgent, Run run) {
        @Override
        public String toString() {
            return operation.name();
        }

        /** The same operation, for which an allowed caller naming a missing id is not NOT_FOUND. */
        Op missingIsNew() {
            return new Op(operation, kind, false, ownerAgent, otherAgent, run);
        }
    }

    static String id(boolean missing, String existing) {
        return missing ? MISSING : existing;
    }

    static Op invoiceOp(Operation operation, Kind kind, Run run) {
        return new Op(operation, kind, true, DEAL_OWNER, MANAGING_AGENT, run);
    }

    static Op commissionOp(Operation operation, Kind kind, boolean missingIsNotFound, Run run) {
        return new Op(operation, kind, missingIsNotFound, MANAGING_AGENT, DEAL_OWNER, run);
    }

    static List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        ops.add(invoiceOp(FinanceOperations.DRAFT_INVOICE, Kind.TARGETED,
                (w, c, m) -> w.b.finance().draftInvoice(c, new DraftInvoice(id(m, w.undrafted.id())))));
        ops.add(invoiceOp(FinanceOperations.ISSUE_INVOICE, Kind.TARGETED, (w, c, m) -> w.b.finance().issueInvoice(c,
                IssueInvoice.of(id(m, w.draft.id()), w.draft.version()))));
        ops.add(invoiceOp(FinanceOperations.VOID_INVOICE, Kind.TARGETED, (w, c, m) -> w.b.finance().voidInvoice(c,
                new VoidInvoice(id(m, w.issued.id()), w.issued.version(), "sent to the wrong brand"))));
        ops.add(invoiceOp(FinanceOperations.RECORD_PAYMENT, Kind.TARGETED, (w, c, m) -> w.b.finance().recordPayment(c,
                RecordPayment.of(id(m, w.partlyPaid.id()), Money.of(1_000, "GBP"), LocalDate.of(2026, 1, 6), "bank-77")
                        .withIdempotencyKey(m ? "key-77-missing" : "key-77").via(PaymentSource.BANK_FEED))));
        ops.add(invoiceOp(FinanceOperations.MARK_INVOICE_PAID, Kind.TARGETED, (w, c, m) -> w.b.finance().markInvoicePaid(c,
                new MarkInvoicePaid(id(m, w.partlyPaid.id()), LocalDate.of(2026, 1, 6), "bank-78",
                        m ? "key-78-missing" : "key-78", PaymentSource.MANUAL))));
        ops.add(invoiceOp(FinanceOperations.SAVE_COMMISSION_PLAN, Kind.TARGETED, (w, c, m) -> w.b.finance().saveCommissionPlan(c,
                new SaveCommissionPlan(m ? "plan-new" : "plan-existing", 3000, 2000, true))).missingIsNew());
        ops.add(invoiceOp(FinanceOperations.TOTALS, Kind.OVERALL, (w, c, m) -> w.b.finance().totals(c,
                new TotalsQuery(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1)))));
        ops.add(invoiceOp(FinanceOperations.GET_INVOICE, Kind.TARGETED,
                (w, c, m) -> w.b.finance().getInvoice(c, id(m, w.partlyPaid.id()))));
        ops.add(invoiceOp(FinanceOperations.LIST_INVOICES, Kind.LIST,
                (w, c, m) -> w.b.finance().listInvoices(c, InvoiceQuery.first(100))));
        ops.add(commissionOp(FinanceOperations.LIST_COMMISSIONS, Kind.LIST, true,
                (w, c, m) -> w.b.finance().listCommissions(c, CommissionQuery.first(100))));
        ops.add(commissionOp(FinanceOperations.STATEMENT, Kind.TARGETED, false, (w, c, m) -> {
            // an agent asks for an agent's statement, everyone else for the talent's
            boolean agent = c.actor().has(Role.AGENT);
            String existing = agent ? MANAGING_AGENT : w.t1.id();
            return w.b.finance().statement(c, new StatementQuery(agent ? BeneficiaryKind.AGENT : BeneficiaryKind.TALENT,
                    id(m, existing), Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z")));
        }));
        ops.add(invoiceOp(FinanceOperations.ENSURE_COMMISSIONS, Kind.TARGETED,
                (w, c, m) -> w.b.recovery().ensureCommissions(c, new EnsureCommissions(id(m, w.partlyPaid.id())))));
        return ops;
    }

    static Stream<Arguments> everyOperationAndRole() {
        return operations().stream().flatMap(op -> Stream.of(Role.values()).map(role -> Arguments.of(op, role)));
    }

    @Test
    void the_matrix_covers_every_finance_and_recovery_operation() {
        assertEquals(FinanceOperations.ALL.stream().map(Operation::name).sorted().toList(),
                operations().stream().map(op -> op.operation().name()).sorted().toList());
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyOperationAndRole")
    void every_finance_operation_answers_every_role_as_the_matrix_says(Op op, Role role) {
        Expect expect = expect(op.operation(), role);
        World w = new World();
        try {
            switch (expect) {
                case NO -> {
                    World.Snapshot before = w.snapshot();
                    BreakException onExisting = Refusals.forbidden(() -> op.run().apply(w, w.owner(role, op), false));
                    if (op.kind() == Kind.TARGETED) {
                        BreakException onMissing = Refusals.forbidden(() -> op.run().apply(w, w.owner(role, op), true));
                        Refusals.assertSameAnswer(onExisting, onMissing);
                    }
                    assertEquals(before, w.snapshot(), op + " as " + role + " wrote nothing");
                }
                case YES -> {
                    Object result = op.run().apply(w, w.nonOwner(role, op), false);
                    if (op.kind() == Kind.LIST) {
                        assertTrue(showsOwned(w, result), op + " as " + role + " shows the owned records");
                        assertTrue(showsSomeoneElses(w, result), op + " as " + role + " shows everyone's records");
                    }
                    if (op.kind() == Kind.TARGETED) {
                        if (op.missingIsNotFound()) {
                            BreakException missing = assertThrows(BreakException.class,
                                    () -> op.run().apply(w, w.nonOwner(role, op), true));
                            assertEquals(ErrorCode.NOT_FOUND, missing.code(), op + " as " + role + " on a missing id");
                        } else {
                            op.run().apply(w, w.nonOwner(role, op), true);
                        }
                    }
                }
                case OWN -> {
                    OperationContext owner = w.owner(role, op);
                    OperationContext other = w.nonOwner(role, op);
                    if (op.kind() == Kind.TARGETED) {
                        World.Snapshot before = w.snapshot();
                        BreakException notTheirs = Refusals.forbidden(() -> op.run().apply(w, other, false));
                        BreakException onMissing = Refusals.forbidden(() -> op.run().apply(w, other, true));
                        Refusals.assertSameAnswer(notTheirs, onMissing);
                        assertEquals(before, w.snapshot(), op + " as someone else's " + role + " wrote nothing");
                        Object own = op.run().apply(w, owner, false);
                        assertTrue(onlyTheirs(w, own, owner), op + " as the owning " + role + " gives their record");
                    } else {
                        Object theirs = op.run().apply(w, owner, false);
                        assertTrue(showsOwned(w, theirs), op + " as the owning " + role + " shows their records");
                        assertTrue(onlyTheirs(w, theirs, owner), op + " as the owning " + role + " shows nothing else");
                        Object others = op.run().apply(w, other, false);
                        assertFalse(showsOwned(w, others),
                                op + " as a " + role + " who does not own the records must not show them");
                        assertTrue(onlyTheirs(w, others, other), op + " as another " + role + " shows only their own");
                    }
                }
            }
        } finally {
            w.b.close();
        }
    }

    @ParameterizedTest(name = "as the deal owner, the managing agent and another agent: {0}")
    @MethodSource("agents")
    void an_agent_lists_the_invoices_of_the_deals_they_own_and_the_lines_that_pay_them(String agent) {
        World w = new World();
        try {
            List<String> invoices = w.b.finance().listInvoices(AgencyFixture.anAgent(agent), InvoiceQuery.first(100)).items()
                    .stream().map(Invoice::id).sorted().toList();
            List<Beneficiary> paid = w.b.finance().listCommissions(AgencyFixture.anAgent(agent), CommissionQuery.first(100)).items()
                    .stream().map(CommissionLine::beneficiary).distinct().toList();
            switch (agent) {
                case DEAL_OWNER -> {
                    assertEquals(List.of(w.partlyPaid.id(), w.issued.id(), w.draft.id()).stream().sorted().toList(), invoices);
                    assertEquals(List.of(), paid);
                }
                case MANAGING_AGENT -> {
                    assertEquals(List.of(), invoices);
                    assertEquals(List.of(Beneficiary.agent(MANAGING_AGENT)), paid);
                }
                default -> {
                    assertEquals(List.of(w.someoneElses.id()), invoices);
                    assertEquals(List.of(Beneficiary.agent("agent-else")), paid);
                }
            }
        } finally {
            w.b.close();
        }
    }

    static Stream<String> agents() {
        return Stream.of(DEAL_OWNER, MANAGING_AGENT, "agent-else");
    }

    /** Whether a listing holds the world's owned records: the partly paid invoice, or the lines of its payment. */
    private static boolean showsOwned(World w, Object result) {
        return items(result).stream().anyMatch(item -> invoiceIdOf(item).equals(w.partlyPaid.id()));
    }

    private static boolean showsSomeoneElses(World w, Object result) {
        return items(result).stream().anyMatch(item -> invoiceIdOf(item).equals(w.someoneElses.id()));
    }

    private static List<?> items(Object result) {
        if (result instanceof Page<?> page) {
            return page.items();
        }
        if (result instanceof CommissionStatement statement) {
            return statement.lines();
        }
        if (result instanceof Invoice invoice) {
            return List.of(invoice);
        }
        throw new AssertionError("not a record or a listing: " + result);
    }

    private static String invoiceIdOf(Object item) {
        if (item instanceof Invoice i) {
            return i.id();
        }
        if (item instanceof CommissionLine l) {
            return l.invoiceId();
        }
        throw new AssertionError("not an invoice or a line: " + item);
    }

    /** Whether every record in a result belongs to the caller, and (for a single record or a statement) there is one. */
    private static boolean onlyTheirs(World w, Object result, OperationContext ctx) {
        List<?> items = items(result);
        if (!(result instanceof Page<?>) && items.isEmpty()) {
            return false;
        }
        return items.stream().allMatch(item -> belongsTo(w, item, ctx.actor()));
    }

    private static boolean belongsTo(World w, Object item, Actor actor) {
        if (item instanceof Invoice i) {
            if (actor.has(Role.AGENT)) {
                return w.b.stores().deals().findById(i.dealId()).orElseThrow().ownerAgentId().equals(actor.userId());
            }
            if (actor.has(Role.TALENT)) {
                return actor.talentId().equals(Optional.of(i.talentId()));
            }
            if (actor.has(Role.BRAND)) {
                return actor.brandId().equals(Optional.of(i.brandId()));
            }
        }
        if (item instanceof CommissionLine l) {
            if (actor.has(Role.AGENT)) {
                return l.beneficiary().equals(Beneficiary.agent(actor.userId()));
            }
            if (actor.has(Role.TALENT)) {
                return l.beneficiary().equals(Beneficiary.talent(actor.talentId().orElseThrow()));
            }
        }
        return false;
    }
}
