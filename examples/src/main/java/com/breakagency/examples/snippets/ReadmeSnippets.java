package com.breakagency.examples.snippets;

import com.breakagency.adapter.gmail.GoogleOAuthOptions;
import com.breakagency.adapter.gmail.GoogleOAuthProvider;
import com.breakagency.adapter.jdbc.Dialect;
import com.breakagency.adapter.jdbc.JdbcPersistence;
import com.breakagency.adapter.sentry.SentryErrorReporter;
import com.breakagency.adapter.sentry.SentryReporterOptions;
import com.breakagency.core.BreakAgency;
import com.breakagency.core.StepsRun;
import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.Finance;
import com.breakagency.ports.api.audit.AuditQuery;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.DealQuery;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.finance.CommissionQuery;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.api.integration.AccessToken;
import com.breakagency.ports.api.integration.AccessTokenRequest;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.api.recovery.JanitorReport;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.OAuthProvider;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.CapturingErrorReporter;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.TestClock;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.sentry.Sentry;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

/**
 * The Java snippets of the README and the adapters' READMEs, as code the build compiles: each README block
 * is the text between one name's {@code tag::} and {@code end::} markers (checked by
 * {@code ReadmeSnippetsTest}), so the documentation cannot drift from the API.
 */
public final class ReadmeSnippets {

    private ReadmeSnippets() {
    }

    /**
     * Embedding Break.
     *
     * @param persistence the stores
     * @param reporter    the error reporter
     * @param requestId   the host's request id
     */
    public static void embedding(Persistence persistence, ErrorReporter reporter, String requestId) {
        // tag::embedding[]
        try (BreakAgency agency = BreakAgency.builder()
                .persistence(persistence)                 // required: JdbcPersistence.create(pool), InMemoryPersistence, or your own
                .errorReporter(reporter)                  // default: one SLF4J WARN line per report
                .clock(Clock.systemUTC())                 // default: Clock.systemUTC()
                .build()) {
            OperationContext ctx = OperationContext.of(Actor.staff("user-42", Role.AGENT), requestId);
            Brand brand = agency.crm().createBrand(ctx, CreateBrand.of("Northwind", "user-42").withDomains("northwind.example"));
            Page<AuditEvent> history = agency.auditTrail().forEntity(ctx, AuditQuery.of(EntityRef.of(EntityType.BRAND, brand.id())));
        }
        // end::embedding[]
    }

    /**
     * The CRM.
     *
     * @param agency the agency
     * @param agent  an agent
     */
    public static void crm(BreakAgency agency, OperationContext agent) {
        // tag::crm[]
        Crm crm = agency.crm();
        Brand brand   = crm.createBrand(agent, CreateBrand.of("Northwind", "agent-ana").withDomains("Northwind.example"));
        Talent maya   = crm.createTalent(agent, CreateTalent.named("Maya Lopez").managedBy("agent-ana"));
        Deal deal     = crm.createDeal(agent, CreateDeal.of(brand.id(), maya.id(), "agent-ana", "Spring campaign", Money.of(1_250_000, "GBP")));
        deal          = crm.moveDealStage(agent, MoveDealStage.of(deal, DealStage.CONTRACT_SIGNED));
        crm.findBrandByDomain(agent, "jane@NORTHWIND.example");                      // Optional[Northwind]
        Page<Deal> page = crm.listDeals(agent, DealQuery.forBrand(brand.id()));     // next: DealQuery.forBrand(brand.id()).after(page.nextCursor().get())
        // end::crm[]
    }

    /**
     * Finance.
     *
     * @param agency      the agency
     * @param financeUser a finance user
     * @param deal        a deal in PAYMENT_PENDING
     */
    public static void finance(BreakAgency agency, OperationContext financeUser, Deal deal) {
        // tag::finance[]
        Finance finance = agency.finance();
        // entering PAYMENT_PENDING drafted the deal's invoice in the same unit of work
        Invoice draft  = finance.listInvoices(financeUser, InvoiceQuery.forDeal(deal.id())).items().get(0);
        Invoice issued = finance.issueInvoice(financeUser, IssueInvoice.of(draft));   // number 1, 2, 3…; due in 30 days
        PaymentResult r = finance.markInvoicePaid(financeUser,
                MarkInvoicePaid.of(issued.id(), LocalDate.now(), "bank-tx-8812").via(PaymentSource.BANK_FEED));
        r.lines();        // talent 80%, house 15%, the talent's managing agent 5%: summing exactly to the payment
        r.replayed();     // true when the same key came back: the first result, nothing written
        finance.listInvoices(financeUser, InvoiceQuery.all().overdue().limit(50));   // what is late, by Break's clock
        // end::finance[]
    }

    /**
     * Marking one invoice paid twice at once.
     *
     * @param finance     finance
     * @param financeUser a finance user
     * @param system      the system
     * @param issued      an issued invoice
     * @param today       the day
     * @throws InterruptedException if interrupted while waiting
     */
    public static void markPaidTwiceAtOnce(Finance finance, OperationContext financeUser, OperationContext system,
                                           Invoice issued, LocalDate today) throws InterruptedException {
        // tag::mark-paid-twice[]
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Callable<PaymentResult> click   = () -> finance.markInvoicePaid(financeUser, MarkInvoicePaid.of(issued.id(), today, "bank-tx-8812").withIdempotencyKey("click-1"));
        Callable<PaymentResult> webhook = () -> finance.markInvoicePaid(system,      MarkInvoicePaid.of(issued.id(), today, "bank-tx-8812").withIdempotencyKey("evt-77").via(PaymentSource.PROCESSOR_WEBHOOK));
        pool.invokeAll(List.of(click, webhook));   // one succeeds; the other is CONFLICT (already paid / reference taken)
        finance.listCommissions(financeUser, CommissionQuery.all()).items().size();   // 3: talent, house, agent
        // end::mark-paid-twice[]
        pool.shutdown();
    }

    /**
     * Background work owned by the agency.
     *
     * @param persistence the stores
     */
    public static void background(Persistence persistence) {
        // tag::background[]
        BreakAgency agency = BreakAgency.builder().persistence(persistence).build();
        agency.start();    // worker threads and the janitor, owned by the agency
        // ...
        agency.close();    // a running step finishes (within shutdownTimeout), then the threads stop
        // end::background[]
    }

    /**
     * Background work run by the host.
     *
     * @param agency the agency
     */
    public static void byHand(BreakAgency agency) {
        // tag::by-hand[]
        StepsRun run = agency.runDueSteps();      // claims and runs every step due now, one at a time; returns
                                                  // how many completed, failed, went DEAD or lost their lease
        JanitorReport sweep = agency.runJanitor(); // one sweep, as the system
        // end::by-hand[]
    }

    /** The two ways to report to Sentry. */
    public static void sentry() {
        // tag::sentry[]
        // (a) Break's own client: never calls Sentry.init, leaves a host's Sentry untouched; no DSN = no-op
        ErrorReporter own = SentryErrorReporter.create(SentryReporterOptions.builder()
                .dsn(System.getenv("BREAK_SENTRY_DSN")).environment("production").release("back-office@1.4.2").build());
        // (b) the Sentry the host already initialized with Sentry.init: its DSN, its options
        ErrorReporter host = SentryErrorReporter.usingHostSentry();
        // end::sentry[]
    }

    /**
     * Storing in a relational database.
     *
     * @param pool the host's connection pool
     */
    public static void jdbc(DataSource pool) {
        // tag::jdbc[]
        JdbcPersistence persistence = JdbcPersistence.create(pool);   // detects PostgreSQL or H2, migrates
        BreakAgency agency = BreakAgency.builder().persistence(persistence).build();
        // end::jdbc[]
    }

    /** Testing a host's code against Break. */
    public static void testing() {
        // tag::testing[]
        InMemoryPersistence persistence = InMemoryPersistence.create();
        CapturingErrorReporter reports = new CapturingErrorReporter(persistence.transactions());
        TestClock clock = new TestClock();                               // set and advance by hand
        BreakAgency agency = BreakAgency.builder().persistence(persistence).errorReporter(reports).clock(clock).build();
        // ... exercise your code, then assert on reports.reports(), agency.auditTrail(), LogCapture.of("com.breakagency")
        // end::testing[]
    }

    /**
     * The JDBC adapter's README: a pool of the host's own.
     *
     * @param config the pool's configuration
     */
    public static void jdbcWithPool(HikariConfig config) {
        // tag::jdbc-pool[]
        HikariDataSource pool = new HikariDataSource(config);              // your pool, your driver
        JdbcPersistence persistence = JdbcPersistence.create(pool);        // detects the database, migrates
        try (BreakAgency agency = BreakAgency.builder().persistence(persistence).build()) { /* ... */ }
        // end::jdbc-pool[]
    }

    /**
     * The JDBC adapter's README: every option.
     *
     * @param pool the host's connection pool
     * @return the persistence
     */
    public static JdbcPersistence jdbcOptions(DataSource pool) {
        // tag::jdbc-options[]
        JdbcPersistence persistence = JdbcPersistence.builder(pool)
                .schema("break")                // default: "public"
                .migrateOnStart(false)          // default: true
                .dialect(Dialect.POSTGRESQL)    // default: detected from the product name
                .serializationRetries(5)        // default: 3
                .build();
        // end::jdbc-options[]
        return persistence;
    }

    /**
     * Connecting Gmail, with the JDBC adapter's stores.
     *
     * @param pool         the host's connection pool
     * @param clientId     the Google OAuth client's id
     * @param clientSecret the Google OAuth client's secret
     * @param key2026      32 random bytes from the host's secret store
     * @param ctx          the user connecting
     * @param redirectUri  the host's callback URI, registered with Google
     * @param state        the callback's {@code state}
     * @param code         the callback's {@code code}
     */
    public static void gmail(DataSource pool, String clientId, String clientSecret, byte[] key2026,
                             OperationContext ctx, String redirectUri, String state, String code) {
        // tag::gmail[]
        JdbcPersistence persistence = JdbcPersistence.create(pool);   // Persistence and IntegrationStores in one
        BreakAgency agency = BreakAgency.builder()
                .persistence(persistence)
                .integrations(persistence)                // the same instance: connections share its units of work
                .oauthProvider(GoogleOAuthProvider.create(GoogleOAuthOptions.of(clientId, clientSecret)))
                .secretKeys("2026-01", Map.of("2026-01", key2026))   // 32 random bytes per key, from your secret store
                .build();

        AuthorizationStart start = agency.integrations().startConnect(ctx, StartConnect.of(Provider.GOOGLE, redirectUri));
        // ... redirect to start.authorizationUrl(); in the callback handler:
        Connection mailbox = agency.integrations().completeConnect(ctx, CompleteConnect.of(state, code));
        AccessToken token = agency.integrations().accessToken(OperationContext.system(), mailbox.id());
        // after a 401 from Google: ask once for a replacement of the token that failed, and replay once
        token = agency.integrations().accessToken(OperationContext.system(), mailbox.id(), AccessTokenRequest.replacing(token.token()));
        // end::gmail[]
    }

    /**
     * The Gmail adapter's README: the provider.
     *
     * @param clientId     the Google OAuth client's id
     * @param clientSecret the Google OAuth client's secret
     * @return the provider
     */
    public static GoogleOAuthProvider gmailProvider(String clientId, String clientSecret) {
        // tag::gmail-provider[]
        GoogleOAuthProvider google = GoogleOAuthProvider.create(GoogleOAuthOptions.of(clientId, clientSecret));
        // tests: .withEndpoints(fake.authorizationEndpoint(), fake.tokenEndpoint(), fake.revokeEndpoint())
        // end::gmail-provider[]
        return google;
    }

    /**
     * The JDBC adapter's README: the integrations' stores.
     *
     * @param pool     the host's connection pool
     * @param provider the OAuth provider
     * @param keys     key id to 32 random bytes
     */
    public static void jdbcIntegrations(DataSource pool, OAuthProvider provider, Map<String, byte[]> keys) {
        // tag::jdbc-integrations[]
        JdbcPersistence persistence = JdbcPersistence.create(pool);
        BreakAgency agency = BreakAgency.builder()
                .persistence(persistence)
                .integrations(persistence)      // connections and connect flows, in the same units of work
                .oauthProvider(provider)        // GoogleOAuthProvider.create(options) from break-adapter-gmail
                .secretKeys("2026-01", keys)    // tokens are stored sealed with the current key
                .build();
        // end::jdbc-integrations[]
    }

    /**
     * The Sentry adapter's README: Break's own client.
     *
     * @param persistence the stores
     */
    public static void sentryOwnClient(Persistence persistence) {
        // tag::sentry-own[]
        SentryErrorReporter reporter = SentryErrorReporter.create(SentryReporterOptions.builder()
                .dsn(System.getenv("BREAK_SENTRY_DSN"))   // null or blank: a no-op reporter
                .environment("production").release("back-office@1.4.2")
                .build());
        BreakAgency agency = BreakAgency.builder().persistence(persistence).errorReporter(reporter).build();
        // end::sentry-own[]
    }

    /**
     * The Sentry adapter's README: the host's Sentry.
     *
     * @param persistence the stores
     * @param hostDsn     the host's DSN
     */
    public static void sentryHostClient(Persistence persistence, String hostDsn) {
        // tag::sentry-host[]
        Sentry.init(options -> options.setDsn(hostDsn));           // yours, as before
        SentryErrorReporter reporter = SentryErrorReporter.usingHostSentry();
        BreakAgency agency = BreakAgency.builder().persistence(persistence).errorReporter(reporter).build();
        // reporter.close() leaves your Sentry open; you close it as before
        // end::sentry-host[]
    }
}
