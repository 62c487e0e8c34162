package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.spi.Activities;
import com.breakagency.ports.spi.AuditLog;
import com.breakagency.ports.spi.Brands;
import com.breakagency.ports.spi.CommissionPlans;
import com.breakagency.ports.spi.Commissions;
import com.breakagency.ports.spi.Connections;
import com.breakagency.ports.spi.CreditNotes;
import com.breakagency.ports.spi.Payouts;
import com.breakagency.ports.spi.Refunds;
import com.breakagency.ports.spi.Contacts;
import com.breakagency.ports.spi.Deals;
import com.breakagency.ports.spi.IdempotencyKeys;
import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.ports.spi.Invoices;
import com.breakagency.ports.spi.Payments;
import com.breakagency.ports.spi.Emails;
import com.breakagency.ports.spi.MailSyncStates;
import com.breakagency.ports.spi.PendingAuthorizations;
import com.breakagency.ports.spi.QuotaBudgets;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.Talents;
import com.breakagency.ports.spi.Transactions;
import com.breakagency.ports.spi.WorkQueue;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Break's stores in a relational database, over plain JDBC: PostgreSQL in production, H2 embedded or in
 * memory. Every store takes part in the {@link #transactions()} of the calling thread; a store call outside
 * a unit of work runs in a short one of its own.
 *
 * <pre>{@code
 * JdbcPersistence persistence = JdbcPersistence.create(dataSource);      // detects the database, migrates
 * JdbcPersistence custom = JdbcPersistence.builder(dataSource)
 *         .schema("break").migrateOnStart(false).build();                // the host runs the SQL itself
 * }</pre>
 *
 * <p>The data source is the host's: bring a connection pool (HikariCP or any other) in production; Break
 * takes one connection per unit of work and gives it back at the end (two at once while migrating). The
 * finance stores rely on the database for their guarantees: unique constraints, an invoice's row lock,
 * a counter row for invoice numbers, and upserts and {@code SKIP LOCKED} claims in the work queue (see
 * the module's README). Break's tables live in one schema
 * ({@link #DEFAULT_SCHEMA} unless set) next to any tables of the host, with their own Flyway history table
 * {@value #SCHEMA_HISTORY_TABLE}.
 *
 * <p>Failures come out as {@code BreakException}: a taken unique value is CONFLICT/ALREADY_EXISTS naming
 * the field; a unit of work the database aborted to serialize it with others runs again up to
 * {@link #DEFAULT_SERIALIZATION_RETRIES} more times, then fails with CONFLICT/CONCURRENT_UPDATE; a lost
 * connection or a timeout is PERSISTENCE_UNAVAILABLE; any other refused statement is
 * PERSISTENCE_UNAVAILABLE/STATEMENT_FAILED. Nothing of a failed unit of work is kept.
 *
 * <p>It is also the integrations' stores ({@link IntegrationStores}: connections and connect flows under way,
 * tokens kept only sealed), in the same units of work; a host that uses integrations passes the same
 * instance to both {@code persistence(...)} and {@code integrations(...)} of Break's builder.
 *
 * <p>Thread-safe: build one per data source and share it.
 */
public final class JdbcPersistence implements Persistence, IntegrationStores {

    /** The schema Break's tables live in unless {@link Builder#schema(String)} says otherwise. */
    public static final String DEFAULT_SCHEMA = "public";
    /** Whether {@link Builder#build()} applies pending migrations unless told otherwise. */
    public static final boolean DEFAULT_MIGRATE_ON_START = true;
    /** How many more times a unit of work runs after a serialization failure or deadlock, unless set. */
    public static final int DEFAULT_SERIALIZATION_RETRIES = 3;
    /** The most {@link Builder#serializationRetries(int)} accepts. */
    public static final int MAX_SERIALIZATION_RETRIES = 20;
    /** Break's Flyway history table, in Break's schema; a host's own Flyway keeps its own table. */
    public static final String SCHEMA_HISTORY_TABLE = "break_schema_history";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final Dialect dialect;
    private final String schema;
    private final Sql sql;
    private final JdbcTransactions transactions;
    private final JdbcBrands brands;
    private final JdbcContacts contacts;
    private final JdbcTalents talents;
    private final JdbcDeals deals;
    private final JdbcActivities activities;
    private final JdbcAuditLog auditLog;
    private final JdbcInvoices invoices;
    private final JdbcPayments payments;
    private final JdbcCommissions commissions;
    private final JdbcCommissionPlans commissionPlans;
    private final JdbcIdempotencyKeys idempotencyKeys;
    private final JdbcWorkQueue workQueue;
    private final JdbcConnections connections;
    private final JdbcPendingAuthorizations pendingAuthorizations;
    private final JdbcRefunds refunds;
    private final JdbcPayouts payouts;
    private final JdbcCreditNotes creditNotes;
    private final JdbcEmails emails;
    private final JdbcMailSyncStates mailSyncStates;
    private final JdbcQuotaBudgets quotaBudgets;

    private JdbcPersistence(DataSource dataSource, Dialect dialect, String schema, int serializationRetries) {
        this.dialect = dialect;
        this.schema = schema;
        this.transactions = new JdbcTransactions(dataSource, new SqlFailures(dialect, uniqueKeys()),
                serializationRetries, dialect.sendsStatementsTogether());
        this.sql = new Sql(transactions, '"' + schema + '"');
        this.brands = new JdbcBrands(sql);
        this.contacts = new JdbcContacts(sql);
        this.talents = new JdbcTalents(sql);
        this.deals = new JdbcDeals(sql);
        this.activities = new JdbcActivities(sql);
        this.auditLog = new JdbcAuditLog(sql);
        this.invoices = new JdbcInvoices(sql, dialect);
        this.payments = new JdbcPayments(sql);
        this.commissions = new JdbcCommissions(sql);
        this.commissionPlans = new JdbcCommissionPlans(sql, dialect);
        this.idempotencyKeys = new JdbcIdempotencyKeys(sql);
        this.workQueue = new JdbcWorkQueue(sql, dialect);
        this.connections = new JdbcConnections(sql);
        this.pendingAuthorizations = new JdbcPendingAuthorizations(sql, dialect);
        this.refunds = new JdbcRefunds(sql);
        this.payouts = new JdbcPayouts(sql);
        this.creditNotes = new JdbcCreditNotes(sql, dialect);
        this.emails = new JdbcEmails(sql);
        this.mailSyncStates = new JdbcMailSyncStates(sql);
        this.quotaBudgets = new JdbcQuotaBudgets(sql);
    }

    /** The unique constraints of every store's tables. */
    private static Map<String, SqlFailures.UniqueKey> uniqueKeys() {
        Map<String, SqlFailures.UniqueKey> keys = new HashMap<>();
        keys.putAll(JdbcBrands.UNIQUE_KEYS);
        keys.putAll(JdbcContacts.UNIQUE_KEYS);
        keys.putAll(JdbcTalents.UNIQUE_KEYS);
        keys.putAll(JdbcDeals.UNIQUE_KEYS);
        keys.putAll(JdbcActivities.UNIQUE_KEYS);
        keys.putAll(JdbcAuditLog.UNIQUE_KEYS);
        keys.putAll(JdbcInvoices.UNIQUE_KEYS);
        keys.putAll(JdbcPayments.UNIQUE_KEYS);
        keys.putAll(JdbcCommissions.UNIQUE_KEYS);
        keys.putAll(JdbcCommissionPlans.UNIQUE_KEYS);
        keys.putAll(JdbcIdempotencyKeys.UNIQUE_KEYS);
        keys.putAll(JdbcWorkQueue.UNIQUE_KEYS);
        keys.putAll(JdbcConnections.UNIQUE_KEYS);
        keys.putAll(JdbcPendingAuthorizations.UNIQUE_KEYS);
        keys.putAll(JdbcRefunds.UNIQUE_KEYS);
        keys.putAll(JdbcPayouts.UNIQUE_KEYS);
        keys.putAll(JdbcCreditNotes.UNIQUE_KEYS);
        keys.putAll(JdbcEmails.UNIQUE_KEYS);
        keys.putAll(JdbcMailSyncStates.UNIQUE_KEYS);
        keys.putAll(JdbcQuotaBudgets.UNIQUE_KEYS);
        return keys;
    }

    /**
     * Stores on a data source with every default: the dialect detected from the database, schema
     * {@value #DEFAULT_SCHEMA}, pending migrations applied now.
     *
     * @param dataSource the host's data source, ideally a connection pool
     * @return the stores
     * @throws BreakException PERSISTENCE_UNAVAILABLE if the database cannot be reached or migrated
     * @throws IllegalStateException for a database other than PostgreSQL and H2
     */
    public static JdbcPersistence create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /**
     * Starts a builder.
     *
     * @param dataSource the host's data source, ideally a connection pool
     * @return a builder with every default
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * The dialect in use, detected or chosen.
     *
     * @return the dialect
     */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The schema Break's tables live in, as the database stores its name ({@code public} on PostgreSQL,
     * {@code PUBLIC} on H2 for the default).
     *
     * @return the schema name
     */
    public String schema() {
        return schema;
    }

    @Override
    public Transactions transactions() {
        return transactions;
    }

    @Override
    public Brands brands() {
        return brands;
    }

    @Override
    public Contacts contacts() {
        return contacts;
    }

    @Override
    public Talents talents() {
        return talents;
    }

    @Override
    public Deals deals() {
        return deals;
    }

    @Override
    public Activities activities() {
        return activities;
    }

    @Override
    public AuditLog auditLog() {
        return auditLog;
    }

    @Override
    public Invoices invoices() {
        return invoices;
    }

    @Override
    public Payments payments() {
        return payments;
    }

    @Override
    public Commissions commissions() {
        return commissions;
    }

    @Override
    public CommissionPlans commissionPlans() {
        return commissionPlans;
    }

    @Override
    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    @Override
    public WorkQueue workQueue() {
        return workQueue;
    }

    @Override
    public Connections connections() {
        return connections;
    }

    @Override
    public PendingAuthorizations pendingAuthorizations() {
        return pendingAuthorizations;
    }

    @Override
    public Refunds refunds() {
        return refunds;
    }

    @Override
    public Payouts payouts() {
        return payouts;
    }

    @Override
    public CreditNotes creditNotes() {
        return creditNotes;
    }

    @Override
    public Emails emails() {
        return emails;
    }

    @Override
    public MailSyncStates mailSyncStates() {
        return mailSyncStates;
    }

    @Override
    public QuotaBudgets quotaBudgets() {
        return quotaBudgets;
    }

    /** Runs SQL in the calling thread's unit of work; for tests of this package. */
    Sql sql() {
        return sql;
    }

    /**
     * Configures {@link JdbcPersistence}. Every option has a default; {@link #build()} validates them.
     * Not thread-safe; use one per build.
     */
    public static final class Builder {
        private final DataSource dataSource;
        private String schema = DEFAULT_SCHEMA;
        private boolean migrateOnStart = DEFAULT_MIGRATE_ON_START;
        private Dialect dialect;
        private int serializationRetries = DEFAULT_SERIALIZATION_RETRIES;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * The schema Break's tables live in: an unquoted SQL name of letters, digits and underscores,
         * which the database folds to its case as it folds any unquoted name (PostgreSQL to lower case,
         * H2 to upper case). Created by the migration when missing. Defaults to {@value #DEFAULT_SCHEMA},
         * the default schema of both databases.
         *
         * @param value such as {@code break}
         * @return this builder
         */
        public Builder schema(String value) {
            this.schema = Objects.requireNonNull(value, "schema");
            return this;
        }

        /**
         * Whether {@link #build()} applies Break's pending migrations (with Flyway, history table
         * {@value #SCHEMA_HISTORY_TABLE}). Turn it off when the host applies the SQL files under
         * {@code com/breakagency/adapter/jdbc/migration/} with its own tool. Migrating holds two connections
         * of the data source at once, so it needs a pool of two or more. Defaults to
         * {@value #DEFAULT_MIGRATE_ON_START}.
         *
         * @param value whether to migrate
         * @return this builder
         */
        public Builder migrateOnStart(boolean value) {
            this.migrateOnStart = value;
            return this;
        }

        /**
         * The database's dialect, instead of detecting it from the product name the driver reports (and
         * logging it at INFO). Defaults to detection.
         *
         * @param value the dialect
         * @return this builder
         */
        public Builder dialect(Dialect value) {
            this.dialect = Objects.requireNonNull(value, "dialect");
            return this;
        }

        /**
         * How many more times a unit of work runs when the database aborts it to serialize it with others
         * (a serialization failure or a deadlock), after a short random pause; when they are used up the
         * unit fails with CONFLICT/CONCURRENT_UPDATE. 0 turns retrying off. Defaults to
         * {@value #DEFAULT_SERIALIZATION_RETRIES}.
         *
         * @param value 0 to {@value #MAX_SERIALIZATION_RETRIES}
         * @return this builder
         */
        public Builder serializationRetries(int value) {
            this.serializationRetries = value;
            return this;
        }

        /**
         * Validates the options, detects the dialect unless one was set, applies pending migrations unless
         * turned off, and returns the stores.
         *
         * @return the stores
         * @throws IllegalArgumentException if the schema is not a plain SQL name or the retries are out of range
         * @throws IllegalStateException    for a database other than PostgreSQL and H2
         * @throws BreakException           PERSISTENCE_UNAVAILABLE if the database cannot be reached or migrated
         */
        public JdbcPersistence build() {
            if (!IDENTIFIER.matcher(schema).matches()) {
                throw new IllegalArgumentException("schema must be a plain SQL name: a letter or underscore, then up"
                        + " to 62 letters, digits or underscores");
            }
            if (serializationRetries < 0 || serializationRetries > MAX_SERIALIZATION_RETRIES) {
                throw new IllegalArgumentException("serializationRetries must be 0 to " + MAX_SERIALIZATION_RETRIES);
            }
            Dialect chosen = dialect == null ? Dialect.detect(dataSource) : Dialect.chosen(dialect);
            String folded = chosen.fold(schema);
            if (migrateOnStart) {
                Migrations.migrate(dataSource, chosen, folded);
            }
            return new JdbcPersistence(dataSource, chosen, folded, serializationRetries);
        }
    }
}
