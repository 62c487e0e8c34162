package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One migration set builds both databases, with a placeholder where they differ; this test migrates it on
 * H2 and on PostgreSQL and compares what each database reports about the result: the tables, their
 * columns in order (type, length, precision, nullability, default), the primary, unique and foreign keys
 * with their names and columns, and the named indexes with their columns. So the parity the stores rely on
 * (the constraint names they map to fields, above all) holds by construction, and is checked.
 */
@PostgresTest
class SchemaParityTest {

    private static final String ROOT = "com/breakagency/adapter/jdbc/migration/";
    /** Tables in the test schemas that no migration makes. */
    private static final Set<String> NOT_BREAKS = Set.of(JdbcPersistence.SCHEMA_HISTORY_TABLE, TestDatabase.PROBE_TABLE);
    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE TABLE ([a-z_]+) \\($");
    /**
     * The names each database reports for the type the {@value Dialect#BINARY_TYPE_PLACEHOLDER} placeholder
     * stands for ({@code BYTEA} on PostgreSQL, {@code VARBINARY} on H2), as one name.
     */
    private static final Map<String, String> BINARY_TYPE_NAMES = Map.of("BYTEA", "BINARY", "BINARY VARYING", "BINARY");
    private static final Pattern COLLATED_COLUMN = Pattern.compile(
            "^\\s+([a-z_]+)\\s+VARCHAR\\(\\d+\\) \\$\\{" + Dialect.BINARY_COLLATION_PLACEHOLDER + "}");

    @Test
    void the_one_migration_set_builds_the_same_schema_on_h2_and_postgresql() throws SQLException {
        Schema h2 = Schema.of(TestDatabase.h2(SchemaParityTest.class));
        Schema postgres = Schema.of(TestDatabase.postgres(SchemaParityTest.class));

        assertEquals(29, postgres.columns().size(), postgres.columns().keySet()::toString);
        assertEquals(postgres.columns(), h2.columns());
        assertEquals(postgres.keys(), h2.keys());
        assertEquals(postgres.indexes(), h2.indexes());
        assertFalse(postgres.indexes().isEmpty());
    }

    @Test
    void on_postgresql_exactly_the_columns_the_migrations_mark_are_collated_c() throws Exception {
        TestDatabase db = TestDatabase.postgres(SchemaParityTest.class);
        db.persistence();
        Set<String> marked = new TreeSet<>();
        for (String file : migrationFiles()) {
            String table = null;
            for (String line : read(file).split("\n")) {
                Matcher created = CREATE_TABLE.matcher(line);
                if (created.matches()) {
                    table = created.group(1);
                }
                Matcher collated = COLLATED_COLUMN.matcher(line);
                if (collated.find()) {
                    marked.add(table + "." + collated.group(1));
                }
            }
        }

        Set<String> collatedC = new TreeSet<>(db.strings("SELECT table_name || '.' || column_name"
                + " FROM information_schema.columns WHERE table_schema = ? AND collation_name = 'C'",
                db.fold(db.schema())));

        assertTrue(marked.contains("brands.id") && marked.contains("work_steps.dedup_key"), marked::toString);
        assertEquals(marked, collatedC);
    }

    @Test
    void every_unique_key_the_stores_map_is_a_constraint_on_both_databases() throws SQLException {
        Schema h2 = Schema.of(TestDatabase.h2(SchemaParityTest.class));
        Schema postgres = Schema.of(TestDatabase.postgres(SchemaParityTest.class));
        for (Map<String, SqlFailures.UniqueKey> keys : List.of(JdbcBrands.UNIQUE_KEYS, JdbcContacts.UNIQUE_KEYS,
                JdbcTalents.UNIQUE_KEYS, JdbcDeals.UNIQUE_KEYS, JdbcActivities.UNIQUE_KEYS, JdbcAuditLog.UNIQUE_KEYS,
                JdbcInvoices.UNIQUE_KEYS, JdbcPayments.UNIQUE_KEYS, JdbcCommissions.UNIQUE_KEYS,
                JdbcCommissionPlans.UNIQUE_KEYS, JdbcIdempotencyKeys.UNIQUE_KEYS, JdbcWorkQueue.UNIQUE_KEYS,
                JdbcConnections.UNIQUE_KEYS, JdbcPendingAuthorizations.UNIQUE_KEYS)) {
            for (String name : keys.keySet()) {
                assertTrue(h2.uniqueConstraints().contains(name), name + " is not a constraint on H2");
                assertTrue(postgres.uniqueConstraints().contains(name), name + " is not a constraint on PostgreSQL");
            }
        }
    }

    /** What a database reports about Break's schema, in a form both databases' answers can be compared in. */
    private record Schema(Map<String, List<String>> columns, List<String> keys, Map<String, String> indexes) {

        static Schema of(TestDatabase db) throws SQLException {
            db.persistence();
            String schema = db.fold(db.schema());
            Map<String, List<String>> columns = new TreeMap<>();
            for (String row : db.strings("SELECT LOWER(table_name), LOWER(column_name), UPPER(data_type),"
                    + " character_maximum_length, numeric_precision, numeric_scale, datetime_precision, is_nullable,"
                    + " column_default FROM information_schema.columns WHERE table_schema = ?"
                    + " ORDER BY table_name, ordinal_position", schema)) {
                String[] c = row.split("\\|", -1);
                if (NOT_BREAKS.contains(c[0])) {
                    continue;
                }
                c[2] = BINARY_TYPE_NAMES.getOrDefault(c[2], c[2]);
                boolean numeric = c[2].equals("NUMERIC");
                boolean unbounded = c[3].equals("null") || Long.parseLong(c[3]) >= 1_000_000_000L;
                String length = c[2].startsWith("CHARACTER") ? (unbounded ? "unbounded" : c[3]) : "-";
                // PostgreSQL writes a default with its cast: 'INTERNAL'::character varying
                String defaultValue = c[8].replaceFirst("::.*$", "");
                columns.computeIfAbsent(c[0], t -> new ArrayList<>()).add(String.join(" ", c[1], c[2], length,
                        numeric ? c[4] + "," + c[5] : "-", c[2].startsWith("TIMESTAMP") ? c[6] : "-",
                        c[7].equals("YES") ? "NULL" : "NOT NULL", defaultValue));
            }
            List<String> keys = new ArrayList<>();
            for (String row : db.strings("SELECT LOWER(tc.table_name), LOWER(tc.constraint_name), tc.constraint_type,"
                    + " k.ordinal_position, LOWER(k.column_name) FROM information_schema.table_constraints tc"
                    + " JOIN information_schema.key_column_usage k ON k.constraint_schema = tc.constraint_schema"
                    + " AND k.constraint_name = tc.constraint_name WHERE tc.table_schema = ?"
                    + " AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')"
                    + " ORDER BY k.ordinal_position", schema)) {
                if (!NOT_BREAKS.contains(row.substring(0, row.indexOf('|')))) {
                    keys.add(row);
                }
            }
            keys.addAll(db.strings("SELECT LOWER(constraint_name), LOWER(unique_constraint_name), delete_rule"
                    + " FROM information_schema.referential_constraints WHERE constraint_schema = ?", schema));
            // sorted here: the databases' collations order names differently
            keys.sort(null);
            return new Schema(columns, keys, indexes(db, schema, columns.keySet()));
        }

        /** The indexes the migrations name ({@code ..._idx}) and their columns in order; not those of constraints. */
        private static Map<String, String> indexes(TestDatabase db, String schema, Set<String> tables)
                throws SQLException {
            Map<String, TreeMap<Integer, String>> byName = new TreeMap<>();
            try (Connection connection = db.separateConnection()) {
                for (String table : tables) {
                    try (ResultSet rows = connection.getMetaData().getIndexInfo(null, schema, db.fold(table), false,
                            false)) {
                        while (rows.next()) {
                            String name = rows.getString("INDEX_NAME");
                            if (name != null && name.toLowerCase(Locale.ROOT).endsWith("_idx")) {
                                byName.computeIfAbsent(table + "." + name.toLowerCase(Locale.ROOT), n -> new TreeMap<>())
                                        .put((int) rows.getShort("ORDINAL_POSITION"),
                                                rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                                                        + (rows.getBoolean("NON_UNIQUE") ? "" : " unique"));
                            }
                        }
                    }
                }
            }
            Map<String, String> indexes = new TreeMap<>();
            byName.forEach((name, columns) -> indexes.put(name, String.join(", ", columns.values())));
            return indexes;
        }

        /** The names of the primary and unique keys. */
        Set<String> uniqueConstraints() {
            Set<String> names = new TreeSet<>();
            for (String key : keys) {
                String[] k = key.split("\\|");
                if (k.length == 5 && (k[2].equals("PRIMARY KEY") || k[2].equals("UNIQUE"))) {
                    names.add(k[1]);
                }
            }
            return names;
        }
    }

    private static List<String> migrationFiles() throws IOException, URISyntaxException {
        URL folder = SchemaParityTest.class.getClassLoader().getResource(ROOT);
        try (Stream<Path> paths = Files.list(Path.of(folder.toURI()))) {
            return paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }

    private static String read(String file) throws IOException {
        try (InputStream in = SchemaParityTest.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
