package com.breakagency.examples;

import com.breakagency.adapter.jdbc.JdbcPersistence;
import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.AuditTrail;
import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.Finance;
import com.breakagency.ports.api.audit.AuditQuery;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.finance.CommissionQuery;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.Problem;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.PaymentSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The quick start: a brand, a talent with a managing agent, a deal moved along the pipeline until Break
 * drafts its invoice, the invoice issued, then eight threads marking it paid at the same moment, and what
 * came of it: one payment, one commission set, and the audit trail, all through Break's boundary on a
 * real database.
 *
 * <p>With no argument it runs on an embedded H2 file database under {@code examples/target/quickstart},
 * made fresh on every run. Given a PostgreSQL JDBC URL (first argument, or the environment variable
 * {@value #URL_VARIABLE}) it runs there instead, in a schema {@value #POSTGRES_SCHEMA} it drops and makes
 * anew on every run. It hands Break the driver's plain data source to stay small; a production host hands
 * it a connection pool.
 */
public final class QuickStart {

    /** The environment variable that may hold a PostgreSQL JDBC URL. */
    public static final String URL_VARIABLE = "BREAK_QUICKSTART_JDBC_URL";
    /** The system property naming the folder of the H2 file; the examples' pom points it at target/quickstart. */
    public static final String FOLDER_PROPERTY = "break.quickstart.dir";
    /** The schema the quick start uses on PostgreSQL. */
    public static final String POSTGRES_SCHEMA = "break_quickstart";

    private static final int PAYING_THREADS = 8;
    private static final String BANK_REFERENCE = "bank-tx-8812";
    private static final long WAIT_SECONDS = 60;

    private QuickStart() {
    }

    /**
     * Runs the walk-through.
     *
     * @param args nothing for H2, or a {@code jdbc:postgresql:} URL
     */
    public static void main(String[] args) {
        run(args.length > 0 ? args[0] : System.getenv(URL_VARIABLE));
    }

    /**
     * Runs the walk-through on PostgreSQL at a URL, or on the embedded H2 database when there is none.
     *
     * @param url a {@code jdbc:postgresql:} URL, or null or blank for H2
     */
    static void run(String url) {
        Storage storage = url == null || url.isBlank() ? Storage.embeddedH2() : Storage.postgres(url.strip());
        JdbcPersistence persistence = JdbcPersistence.builder(storage.dataSource()).schema(storage.schema()).build();
        say("0. Storing everything in %s (dialect %s).", storage.description(), persistence.dialect());
        try (BreakAgency agency = BreakAgency.builder().persistence(persistence).build()) {
            Crm crm = agency.crm();
            Finance finance = agency.finance();
            OperationContext agent = OperationContext.of(Actor.staff("agent-ana", Role.AGENT));
            OperationContext financeUser = OperationContext.of(Actor.staff("finance-fay", Role.FINANCE));

            // ---- the CRM side: who, for whom, for how much ----
            Brand brand = crm.createBrand(agent, CreateBrand.of("Northwind Coffee", "agent-ana")
                    .withDomains("Northwind.example").withTags("food"));
            say("1. Agent Ana created the brand '%s' (domain %s).", brand.name(), brand.domains());

            Talent talent = crm.createTalent(agent, CreateTalent.named("Maya Lopez").managedBy("agent-ana"));
            say("2. She signed the talent '%s'; her managing agent is %s, and she is paid in %s.", talent.name(),
                    talent.managingAgentId().orElseThrow(), talent.homeCurrency());

            Deal deal = crm.createDeal(agent, CreateDeal.of(brand.id(), talent.id(), "agent-ana", "Spring campaign",
                    Money.of(1_250_000, "GBP")));
            say("3. She opened the deal '%s' worth %s, in stage %s.", deal.title(), deal.value(), deal.stage());

            deal = crm.moveDealStage(agent, MoveDealStage.of(deal, DealStage.CONTRACT_SIGNED));
            say("4. The contract is signed: the deal moved forward to %s (skipping stages is allowed).", deal.stage());

            try {
                crm.moveDealStage(agent, MoveDealStage.of(deal, DealStage.PAYMENT_RECEIVED));
            } catch (BreakException refused) {
                Problem problem = Problem.of(refused, agent);
                say("5. Marking the deal PAYMENT_RECEIVED by hand is refused: %s/%s, \"%s\" (only a paid invoice"
                        + " does that).", problem.code(), problem.reason(), problem.detail());
            }

            Optional<Brand> found = crm.findBrandByDomain(agent, "jane@NORTHWIND.example ");
            say("6. An email from jane@NORTHWIND.example belongs to: %s", found.map(Brand::name).orElse("no brand"));

            // ---- the finance side: invoice, payment, commissions ----
            deal = crm.moveDealStage(agent, MoveDealStage.of(deal, DealStage.PAYMENT_PENDING));
            Invoice draft = finance.listInvoices(financeUser, InvoiceQuery.forDeal(deal.id())).items().get(0);
            say("7. The talent delivered and the deal moved to %s; in the same transaction Break drafted its"
                    + " invoice: %s, %s, no number yet.", deal.stage(), draft.total(), draft.status());

            Invoice issued = finance.issueInvoice(financeUser, IssueInvoice.of(draft));
            say("8. Finance Fay issued it: invoice number %d, due %s (30 days, the default terms).",
                    issued.number().orElseThrow(), issued.dueDate().orElseThrow());

            say("9. The brand paid. %d threads now mark the invoice paid at the same moment, all quoting the bank"
                    + " transaction '%s' (the bank feed, the webhook and a person clicking twice):", PAYING_THREADS,
                    BANK_REFERENCE);
            List<String> outcomes = markPaidAtOnce(finance, financeUser, issued);
            outcomes.forEach(outcome -> say("   %s", outcome));
            long paid = outcomes.stream().filter(o -> o.contains(": paid")).count();
            long replayed = outcomes.stream().filter(o -> o.contains(": replay")).count();
            long refused = outcomes.stream().filter(o -> o.contains(": conflict")).count();
            say("   In all: %d paid, %d replayed the first result, %d refused as a conflict. Whichever thread took the"
                    + " invoice's lock first paid it; a thread with that thread's key got its result back, any other"
                    + " key found the invoice already paid.", paid, replayed, refused);

            AuditTrail audit = agency.auditTrail();
            List<AuditEvent> invoiceTrail = audit.forEntity(financeUser,
                    AuditQuery.of(EntityRef.of(EntityType.INVOICE, issued.id()))).items();
            List<CommissionLine> lines = new ArrayList<>(finance.listCommissions(financeUser, CommissionQuery.all())
                    .items().stream().filter(line -> line.invoiceId().equals(issued.id())).toList());
            // the payments the invoice's events and its commission lines name
            List<String> payments = Stream.concat(
                    invoiceTrail.stream().map(e -> e.changes().get("paymentId")).filter(Objects::nonNull),
                    lines.stream().map(CommissionLine::paymentId)).distinct().toList();
            lines.sort(Comparator.comparing(CommissionLine::rate).reversed());
            say("10. What the database holds: %d payment(s) and exactly %s commission set (%d lines), summing to"
                    + " the payment:", payments.size(), payments.size() == 1 ? "one" : payments.size() + "",
                    lines.size());
            for (CommissionLine line : lines) {
                say("   %-6s %-12s %3s%%  %s", line.beneficiary().kind().name().toLowerCase(Locale.ROOT),
                        line.beneficiary().id().equals(talent.id()) ? talent.name() : line.beneficiary().id(),
                        line.rate().movePointRight(2).stripTrailingZeros().toPlainString(), line.amount());
            }

            Deal settled = crm.getDeal(agent, deal.id());
            say("11. Paid in full, so finance moved the deal to %s.", settled.stage());

            say("12. The audit trail, in plain words:");
            List<AuditEvent> trail = new ArrayList<>(invoiceTrail);
            trail.addAll(audit.forEntity(agent, AuditQuery.of(EntityRef.of(EntityType.DEAL, deal.id()))).items());
            for (String payment : payments) {
                trail.addAll(audit.forEntity(financeUser, AuditQuery.of(EntityRef.of(EntityType.PAYMENT, payment)))
                        .items());
            }
            trail.sort(Comparator.comparing(AuditEvent::at).thenComparing(AuditEvent::id));
            for (AuditEvent event : trail) {
                say("   %s", inPlainWords(event, talent));
            }
        }
    }

    /**
     * Eight threads mark one invoice paid at once, released together by a latch: threads 1 to 4 send the
     * same idempotency key (one request retried), threads 5 to 8 each a key of their own (separate
     * requests for the same bank transaction).
     */
    private static List<String> markPaidAtOnce(Finance finance, OperationContext user, Invoice invoice) {
        ExecutorService threads = Executors.newFixedThreadPool(PAYING_THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(PAYING_THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 1; i <= PAYING_THREADS; i++) {
                int thread = i;
                String key = thread <= PAYING_THREADS / 2 ? BANK_REFERENCE : "request-" + thread;
                results.add(threads.submit(() -> {
                    ready.countDown();
                    go.await(WAIT_SECONDS, TimeUnit.SECONDS);
                    String who = String.format("thread %d (key %s)", thread, key);
                    try {
                        PaymentResult r = finance.markInvoicePaid(user, MarkInvoicePaid.of(invoice.id(),
                                LocalDate.now(ZoneOffset.UTC), BANK_REFERENCE).withIdempotencyKey(key)
                                .via(PaymentSource.BANK_FEED));
                        return r.replayed()
                                ? who + ": replay - the first call's result (payment of " + r.payment().amount()
                                        + "), nothing written"
                                : who + ": paid - payment of " + r.payment().amount() + ", " + r.lines().size()
                                        + " commission lines, invoice " + r.invoice().status();
                    } catch (BreakException e) {
                        return who + ": conflict - " + e.code() + "/" + e.reason() + ", \"" + e.detail() + "\"";
                    }
                }));
            }
            ready.await(WAIT_SECONDS, TimeUnit.SECONDS);
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get(WAIT_SECONDS, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the payments ran", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a paying thread did not finish", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** One audit event as a sentence. */
    private static String inPlainWords(AuditEvent event, Talent talent) {
        Map<String, String> c = event.changes();
        String who = event.actorUserId();
        return switch (event.action()) {
            case DEAL_CREATED -> who + " opened the deal.";
            case DEAL_STAGE_CHANGED -> who + " moved the deal from " + c.get("from") + " to " + c.get("to") + ".";
            case INVOICE_CREATED -> who + " drafted the invoice for " + c.get("total") + " (by moving the deal).";
            case INVOICE_ISSUED -> who + " issued the invoice as number " + c.get("number") + ", due "
                    + c.get("dueDate") + ".";
            case PAYMENT_RECORDED -> who + " recorded a payment of " + c.get("amount") + " from the "
                    + c.get("source").toLowerCase(Locale.ROOT).replace('_', ' ') + ".";
            case INVOICE_MARKED_PAID -> who + " marked the invoice paid (" + c.get("paid") + " received).";
            case COMMISSION_CREATED -> who + " allocated " + c.get("amount") + " to " + beneficiary(c.get("beneficiary"),
                    talent) + ".";
            default -> who + ": " + event.action() + " " + c;
        };
    }

    /** A beneficiary as the audit event names it ({@code KIND:id}), in words. */
    private static String beneficiary(String kindAndId, Talent talent) {
        String id = kindAndId.substring(kindAndId.indexOf(':') + 1);
        if (kindAndId.startsWith("TALENT:")) {
            return "the talent " + (id.equals(talent.id()) ? talent.name() : id);
        }
        return kindAndId.startsWith("AGENT:") ? "the managing agent " + id : "the house";
    }

    /** Where the walk-through keeps its data. */
    private record Storage(DataSource dataSource, String schema, String description) {

        /** A new H2 file database: last run's files are deleted first. */
        static Storage embeddedH2() {
            Path folder = Path.of(System.getProperty(FOLDER_PROPERTY, "target/quickstart")).toAbsolutePath();
            try {
                Files.createDirectories(folder);
                Files.deleteIfExists(folder.resolve("break.mv.db"));
                Files.deleteIfExists(folder.resolve("break.trace.db"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + folder, e);
            }
            JdbcDataSource h2 = new JdbcDataSource();
            // payments to one invoice wait for its row lock; give them longer than H2's default second
            h2.setURL("jdbc:h2:file:" + folder.resolve("break") + ";LOCK_TIMEOUT=10000");
            return new Storage(h2, JdbcPersistence.DEFAULT_SCHEMA, "an embedded H2 database in " + folder);
        }

        /** A PostgreSQL database, in a schema of the quick start's own, emptied first. */
        static Storage postgres(String url) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("give a jdbc:postgresql: URL, or nothing to run on H2");
            }
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + POSTGRES_SCHEMA + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reach PostgreSQL at the URL given", e);
            }
            return new Storage(postgres, POSTGRES_SCHEMA, "PostgreSQL, schema " + POSTGRES_SCHEMA);
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
