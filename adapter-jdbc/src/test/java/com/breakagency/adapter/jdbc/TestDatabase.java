package com.breakagency.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A database for one test class run: H2 in memory, or a schema of its own on the PostgreSQL server the
 * tests are pointed at, reached through a real connection pool. Break's tables are created and migrated
 * once; {@link #freshPersistence()} empties every table of the schema before each test, which is what the
 * contracts' "fresh, empty store" needs and much faster than migrating again.
 *
 * <p>PostgreSQL: {@value #POSTGRES_URL_VARIABLE} names the server (default {@value #DEFAULT_POSTGRES_URL}).
 * When it cannot be reached the tests are skipped, with a message that says how to run them, except when
 * the environment variable {@code CI} is {@code true}: then they fail, so a CI run never passes without
 * them. Classes that need the server say so with {@link PostgresTest}, which decides before anything runs. Each test class run gets a schema {@code break_test_<random>}, dropped when the class is done
 * ({@link TestDatabaseCleanup}).
 */
final class TestDatabase implements AutoCloseable {

    static final String POSTGRES_URL_VARIABLE = "BREAK_TEST_POSTGRES_URL";
    static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    /** The table the transaction tests write markers to; made by the tests, never by a migration. */
    static final String PROBE_TABLE = "break_probe";

    private static final Map<String, TestDatabase> BY_TEST_CLASS = new ConcurrentHashMap<>();
    private static volatile String postgresProblem;
    private static volatile boolean postgresChecked;

    enum Kind { H2, POSTGRES }

    private final Kind kind;
    private final String url;
    private final String schema;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<String> extraSchemas = new ArrayList<>();
    private final HikariDataSource pool;
    private JdbcPersistence persistence;

    private TestDatabase(Kind kind, String url, String schema) {
        this.kind = kind;
        this.url = url;
        this.schema = schema;
        this.pool = newPool("main");
    }

    /** The H2 in-memory database of a test class run. */
    static TestDatabase h2(Class<?> testClass) {
        return BY_TEST_CLASS.computeIfAbsent(testClass.getName() + "#h2", key -> new TestDatabase(Kind.H2,
                "jdbc:h2:mem:" + randomName("break") + ";DB_CLOSE_DELAY=-1", randomName("break_test")));
    }

    /** The PostgreSQL schema of a test class run; skips or fails the test when the server is down. */
    static TestDatabase postgres(Class<?> testClass) {
        requirePostgres();
        return BY_TEST_CLASS.computeIfAbsent(testClass.getName() + "#postgres",
                key -> new TestDatabase(Kind.POSTGRES, postgresUrl(), randomName("break_test")));
    }

    /** Closes the databases of a test class, once the class is done. */
    static void closeFor(String testClassName) {
        for (String suffix : List.of("#h2", "#postgres")) {
            TestDatabase db = BY_TEST_CLASS.remove(testClassName + suffix);
            if (db != null) {
                db.close();
            }
        }
    }

    /** Closes every database still open. */
    static void closeAll() {
        for (String key : List.copyOf(BY_TEST_CLASS.keySet())) {
            TestDatabase db = BY_TEST_CLASS.remove(key);
            if (db != null) {
                db.close();
            }
        }
    }

    Kind kind() {
        return kind;
    }

    /** The schema the class's stores live in, as written (the database folds its case). */
    String schema() {
        return schema;
    }

    /** The JDBC URL of the database, for pools a test builds itself. */
    String url() {
        return url;
    }

    /** The class's connection pool. */
    DataSource dataSource() {
        return pool;
    }

    /** Break on the class's schema, migrated once; its tables as the previous test left them. */
    synchronized JdbcPersistence persistence() {
        if (persistence == null) {
            persistence = JdbcPersistence.builder(pool).schema(schema).build();
            execute("CREATE TABLE IF NOT EXISTS " + schema + "." + PROBE_TABLE
                    + " (marker VARCHAR(200) NOT NULL PRIMARY KEY, n INTEGER DEFAULT 0 NOT NULL)");
        }
        return persistence;
    }

    /** Break on the class's schema with every table emptied: the fresh, empty store a contract test asks for. */
    JdbcPersistence freshPersistence() {
        JdbcPersistence migrated = persistence();
        emptyEveryTable();
        return migrated;
    }

    /** A builder on the class's pool and schema, for stores with other options on the same tables. */
    JdbcPersistence.Builder builder() {
        persistence();
        return JdbcPersistence.builder(pool).schema(schema).migrateOnStart(false);
    }

    /** Another pool of four connections on the same database: stands in for another service instance. */
    synchronized HikariDataSource newPool(String name) {
        return newPool(name, 4);
    }

    /** Another pool of a given size on the same database: stands in for another service instance. */
    synchronized HikariDataSource newPool(String name, int connections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("break-test-" + kind.name().toLowerCase(Locale.ROOT) + "-" + name);
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        HikariDataSource created = new HikariDataSource(config);
        pools.add(created);
        return created;
    }

    /** A new, empty schema name on this database, dropped with the class's schema. */
    synchronized String newSchema() {
        String name = randomName("break_test");
        extraSchemas.add(name);
        return name;
    }

    /**
     * A connection of its own, straight from the driver: outside every pool and every unit of work of
     * Break, for counting what the database holds. The caller closes it.
     */
    Connection separateConnection() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** Runs SQL on a connection of its own, outside any unit of work of Break. */
    void execute(String sql) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test setup failed: " + sql, e);
        }
    }

    /** Reads every row, its columns joined with {@code |}, on a connection of its own. */
    List<String> strings(String sql, Object... params) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int c = 1; c <= columns; c++) {
                        row.append(c > 1 ? "|" : "").append(rows.getObject(c));
                    }
                    out.add(row.toString());
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
    }

    /** The base tables of a schema, lower case, sorted. */
    /** The plan (EXPLAIN's lines) PostgreSQL picks for a query when it may not scan a whole table. */
    List<String> planWithoutSequentialScans(String query) {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SET enable_seqscan = off");
            List<String> lines = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("EXPLAIN " + query)) {
                while (rows.next()) {
                    lines.add(rows.getString(1));
                }
            }
            statement.execute("RESET enable_seqscan");
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> tables(String schemaName) {
        return strings("SELECT LOWER(table_name) FROM information_schema.tables WHERE table_schema = ?"
                + " AND table_type = 'BASE TABLE' ORDER BY 1", fold(schemaName));
    }

    /** A schema or table name as the database stores it. */
    String fold(String name) {
        return kind == Kind.H2 ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }

    private void emptyEveryTable() {
        List<String> tables = new ArrayList<>();
        for (String table : tables(schema)) {
            if (!table.equals(JdbcPersistence.SCHEMA_HISTORY_TABLE)) {
                tables.add(schema + "." + table);
            }
        }
        if (kind == Kind.POSTGRES) {
            execute("TRUNCATE TABLE " + String.join(", ", tables));
        } else {
            execute("SET REFERENTIAL_INTEGRITY FALSE");
            try {
                for (String table : tables) {
                    execute("TRUNCATE TABLE " + table);
                }
            } finally {
                execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
        }
        // the invoice counter's row, as the migration leaves it: a new store's first number is 1
        execute("INSERT INTO " + schema + ".invoice_numbers (id, last_number) VALUES (1, 0)");
    }

    @Override
    public synchronized void close() {
        try {
            if (kind == Kind.POSTGRES) {
                for (String name : extraSchemas) {
                    execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
                }
                execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } else {
                shutDownH2();
            }
        } finally {
            pools.forEach(HikariDataSource::close);
            pools.clear();
        }
    }

    /** Frees the in-memory database; H2 closes the connection that asked, which the pool then discards. */
    private void shutDownH2() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // the database is gone either way
        }
    }

    private static String randomName(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String postgresUrl() {
        String configured = System.getenv(POSTGRES_URL_VARIABLE);
        return configured == null || configured.isBlank() ? DEFAULT_POSTGRES_URL : configured.strip();
    }

    /**
     * Why the PostgreSQL tests cannot run, if they cannot: a message that says how to run them. Checks the
     * server once per run.
     *
     * @throws IllegalStateException when the server cannot be reached and {@code CI} is {@code true}: a CI
     *                               run never passes without the PostgreSQL tests
     */
    static Optional<String> postgresUnavailable() {
        String url = postgresUrl();
        if (!postgresChecked) {
            synchronized (TestDatabase.class) {
                if (!postgresChecked) {
                    postgresProblem = connectionProblem(url);
                    postgresChecked = true;
                }
            }
        }
        if (postgresProblem == null) {
            return Optional.empty();
        }
        String where = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String message = PostgresSkipNotice.REASON_PREFIX + " at " + where + " (" + postgresProblem + "). Start it (for"
                + " example: pg_ctlcluster <version> main start) or point " + POSTGRES_URL_VARIABLE
                + " at a server to run the PostgreSQL tests.";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true requires the PostgreSQL tests to run. " + message);
        }
        return Optional.of(message);
    }

    /** Skips the test, or fails it under CI, when the server cannot be reached. */
    private static void requirePostgres() {
        postgresUnavailable().ifPresent(Assumptions::abort);
    }

    private static String connectionProblem(String url) {
        Properties properties = new Properties();
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "5");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            return connection.isValid(5) ? null : "the connection is not valid";
        } catch (SQLException e) {
            return e.getClass().getSimpleName() + ", SQLState " + e.getSQLState();
        }
    }
}
