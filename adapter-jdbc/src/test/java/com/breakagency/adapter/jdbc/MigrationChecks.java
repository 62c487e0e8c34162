package com.breakagency.adapter.jdbc;

import static com.breakagency.testkit.Fixtures.aBrand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.spi.Brands;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * What Break's migrations promise on a database: they build every table in an empty schema, a second
 * start changes nothing, and Break's history and a host's own Flyway history share a schema without
 * touching each other. Each test works in a new schema of its own.
 */
abstract class MigrationChecks {

    private static final List<String> BREAK_TABLES = List.of("activities", "audit_events", "brand_domains", "brands",
            "break_schema_history", "commission_lines", "commission_plans", "commission_reversals", "connections",
            "contact_emails", "contacts", "credit_note_numbers", "credit_notes", "deals", "email_links",
            "email_participants", "emails", "idempotency_keys", "invoice_numbers", "invoices", "mail_participants",
            "mail_sync_states", "payments", "payout_items", "payouts", "pending_authorizations", "quota_budgets",
            "refunds", "talents", "work_steps");
    private static final String HOST_HISTORY = "flyway_schema_history";
    private static final String HOST_MIGRATIONS = "classpath:com/breakagency/adapter/jdbc/host/";

    /** The database of the test class run. */
    abstract TestDatabase database();

    @Test
    void the_migrations_build_every_table_in_an_empty_schema_and_the_stores_work_there() {
        TestDatabase db = database();
        String schema = db.newSchema();
        db.execute("CREATE SCHEMA " + schema);
        assertEquals(List.of(), db.tables(schema));

        JdbcPersistence persistence = JdbcPersistence.builder(db.dataSource()).schema(schema).build();

        assertEquals(BREAK_TABLES, db.tables(schema));
        assertEquals(List.of("1|SQL|true", "2|SQL|true", "3|SQL|true", "4|SQL|true", "5|SQL|true", "6|SQL|true", "7|SQL|true"), versions(schema, breakHistory()));
        assertEquals(db.fold(schema), persistence.schema());
        Brand brand = aBrand();
        persistence.brands().insert(brand);
        assertEquals(Optional.of(brand), persistence.brands().findById(brand.id()));
    }

    @Test
    void the_schema_orders_ids_as_java_orders_strings() {
        JdbcPersistence persistence = database().freshPersistence();
        String agent = "agent-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>(List.of("b", "B", "a", "A", "_", "-", ".", "0", "9", "Z", "z", "a_b", "a.b",
                "a-b", "ab", "aB", "AB"));
        for (String id : ids) {
            Brand b = aBrand();
            persistence.brands().insert(new Brand(id, b.name(), b.domains(), b.status(), agent, b.tags(), 1,
                    b.createdAt(), b.updatedAt()));
        }
        Collections.sort(ids);

        List<String> listed = persistence.brands().list(new Brands.Query(Optional.empty(), Optional.empty(),
                Optional.of(agent)), Optional.empty(), 100).stream().map(Brand::id).toList();

        assertEquals(ids, listed, "binary order, not a locale's");
        assertEquals(ids.subList(5, 8), persistence.brands().list(new Brands.Query(Optional.empty(), Optional.empty(),
                Optional.of(agent)), Optional.of(ids.get(4)), 3).stream().map(Brand::id).toList());
    }

    @Test
    void a_missing_schema_is_created_and_flyway_notes_that_it_made_it() {
        TestDatabase db = database();
        String schema = db.newSchema();

        JdbcPersistence.builder(db.dataSource()).schema(schema).build();

        assertEquals(BREAK_TABLES, db.tables(schema));
        assertEquals(List.of("1|SQL|true", "2|SQL|true", "3|SQL|true", "4|SQL|true", "5|SQL|true", "6|SQL|true", "7|SQL|true"), versions(schema, breakHistory()));
        assertTrue(history(schema, breakHistory(), "type").contains("SCHEMA"),
                "Flyway notes that it created the schema");
    }

    @Test
    void a_second_start_finds_nothing_to_do_and_changes_nothing() {
        TestDatabase db = database();
        String schema = db.newSchema();
        JdbcPersistence.builder(db.dataSource()).schema(schema).build().brands().insert(aBrand());
        List<String> historyBefore = history(schema, breakHistory(), "installed_rank, version, checksum, success");
        List<String> brandsBefore = db.strings("SELECT id FROM " + schema + ".brands");

        JdbcPersistence.builder(db.dataSource()).schema(schema).build();

        assertEquals(historyBefore, history(schema, breakHistory(), "installed_rank, version, checksum, success"));
        assertEquals(BREAK_TABLES, db.tables(schema));
        assertEquals(brandsBefore, db.strings("SELECT id FROM " + schema + ".brands"));
    }

    @Test
    void breaks_history_and_a_hosts_own_flyway_history_in_one_schema_leave_each_other_alone() {
        TestDatabase db = database();
        String schema = db.newSchema();
        hostFlyway(schema, "first").migrate();
        List<String> hostHistory = history(schema, HOST_HISTORY, "version, description, checksum, success");

        JdbcPersistence.builder(db.dataSource()).schema(schema).build();

        assertEquals(hostHistory, history(schema, HOST_HISTORY, "version, description, checksum, success"),
                "Break's migrations left the host's history alone");
        assertEquals(List.of("0|BASELINE|true", "1|SQL|true", "2|SQL|true", "3|SQL|true", "4|SQL|true", "5|SQL|true", "6|SQL|true", "7|SQL|true"),
                versions(schema, breakHistory()),
                "Break baselines a schema that holds other tables, then applies all of its migrations");
        List<String> breakHistory = history(schema, breakHistory(), "installed_rank, version, checksum, success");

        hostFlyway(schema, "first", "second").migrate();

        assertEquals(breakHistory, history(schema, breakHistory(), "installed_rank, version, checksum, success"),
                "the host's migrations left Break's history alone");
        assertEquals(List.of("1|SQL|true", "2|SQL|true"), versions(schema, HOST_HISTORY));
        assertEquals(0, hostFlyway(schema, "first", "second").info().pending().length);
        assertTrue(db.tables(schema).containsAll(List.of("orders", "order_notes", HOST_HISTORY)));
        assertTrue(db.tables(schema).containsAll(BREAK_TABLES));

        JdbcPersistence.builder(db.dataSource()).schema(schema).build();
        assertEquals(breakHistory, history(schema, breakHistory(), "installed_rank, version, checksum, success"));
    }

    @Test
    void when_break_migrated_first_a_hosts_flyway_baselines_next_to_it() {
        TestDatabase db = database();
        String schema = db.newSchema();
        JdbcPersistence.builder(db.dataSource()).schema(schema).build();
        List<String> breakHistory = history(schema, breakHistory(), "installed_rank, version, checksum, success");

        Flyway.configure().dataSource(db.dataSource()).schemas(db.fold(schema))
                .locations(HOST_MIGRATIONS + "first").baselineOnMigrate(true).baselineVersion("0").load().migrate();

        assertEquals(List.of("0|BASELINE|true", "1|SQL|true"), versions(schema, HOST_HISTORY));
        assertEquals(breakHistory, history(schema, breakHistory(), "installed_rank, version, checksum, success"));
    }

    @Test
    void a_schema_migrated_by_the_former_per_dialect_files_keeps_working_and_its_checksums_are_aligned() {
        TestDatabase db = database();
        String schema = db.newSchema();
        JdbcPersistence.builder(db.dataSource()).schema(schema).build();
        List<String> singleSet = history(schema, breakHistory(), "version, checksum");
        Brand brand = aBrand();
        JdbcPersistence.builder(db.dataSource()).schema(schema).build().brands().insert(brand);
        // what the history of a schema built from the per-dialect folders records: their files' checksums
        Map<String, Integer> perDialect = db.kind() == TestDatabase.Kind.H2
                ? Map.of("1", -2110930097, "2", 1261034036, "3", 347357271)
                : Map.of("1", 1792309228, "2", 126691600, "3", 852282666);
        perDialect.forEach((version, checksum) -> db.execute("UPDATE \"" + db.fold(schema) + "\".\"" + breakHistory()
                + "\" SET \"checksum\" = " + checksum + " WHERE \"version\" = '" + version + "'"));
        assertTrue(Migrations.PER_DIALECT_CHECKSUMS.containsAll(perDialect.values()));
        assertFalse(history(schema, breakHistory(), "version, checksum").equals(singleSet));

        JdbcPersistence upgraded = JdbcPersistence.builder(db.dataSource()).schema(schema).build();

        assertEquals(singleSet, history(schema, breakHistory(), "version, checksum"),
                "the recorded checksums are now the single set's");
        assertEquals(Optional.of(brand), upgraded.brands().findById(brand.id()));
        assertEquals(List.of("1|SQL|true", "2|SQL|true", "3|SQL|true", "4|SQL|true", "5|SQL|true", "6|SQL|true", "7|SQL|true"), versions(schema, breakHistory()));
    }

    @Test
    void a_checksum_no_break_migration_ever_had_still_fails_validation() {
        TestDatabase db = database();
        String schema = db.newSchema();
        JdbcPersistence.builder(db.dataSource()).schema(schema).build();
        db.execute("UPDATE \"" + db.fold(schema) + "\".\"" + breakHistory() + "\" SET \"checksum\" = 12345"
                + " WHERE \"version\" = '2'");
        List<String> edited = history(schema, breakHistory(), "version, checksum");

        BreakException e = assertThrows(BreakException.class,
                () -> JdbcPersistence.builder(db.dataSource()).schema(schema).build());

        assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, e.code());
        assertEquals("MIGRATION_FAILED", e.reason());
        assertEquals(edited, history(schema, breakHistory(), "version, checksum"), "nothing was repaired");
    }

    private Flyway hostFlyway(String schema, String... folders) {
        List<String> locations = new ArrayList<>();
        for (String folder : folders) {
            locations.add(HOST_MIGRATIONS + folder);
        }
        return Flyway.configure().dataSource(database().dataSource()).schemas(database().fold(schema))
                .locations(locations.toArray(String[]::new)).load();
    }

    private String breakHistory() {
        return database().fold(JdbcPersistence.SCHEMA_HISTORY_TABLE);
    }

    /** The versioned rows of a Flyway history table: version, type, success. */
    private List<String> versions(String schema, String table) {
        List<String> rows = new ArrayList<>(history(schema, table, "version, type, success"));
        rows.removeIf(row -> row.startsWith("null|"));
        return rows;
    }

    /** Rows of a Flyway history table, in the order they were installed; Flyway names its columns in lower case. */
    private List<String> history(String schema, String table, String columns) {
        List<String> quoted = new ArrayList<>();
        for (String column : columns.split(",")) {
            quoted.add('"' + column.strip() + '"');
        }
        return database().strings("SELECT " + String.join(", ", quoted) + " FROM \"" + database().fold(schema)
                + "\".\"" + table + "\" ORDER BY \"installed_rank\"");
    }
}
