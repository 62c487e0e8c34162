package com.breakagency.adapter.jdbc;

import static com.breakagency.testkit.Fixtures.aBrand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.crm.Brand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** The builder's defaults, its validation, and the two ways to bring the schema up to date. */
class JdbcPersistenceBuilderTest {

    private static JdbcDataSource freshH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:builder_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    @Test
    void the_defaults_are_the_documented_ones() {
        assertEquals("public", JdbcPersistence.DEFAULT_SCHEMA);
        assertTrue(JdbcPersistence.DEFAULT_MIGRATE_ON_START);
        assertEquals(3, JdbcPersistence.DEFAULT_SERIALIZATION_RETRIES);
        assertEquals("break_schema_history", JdbcPersistence.SCHEMA_HISTORY_TABLE);
    }

    @Test
    void create_detects_the_database_and_migrates_the_default_schema() {
        JdbcPersistence persistence = JdbcPersistence.create(freshH2());

        assertEquals(Dialect.H2, persistence.dialect());
        assertEquals("PUBLIC", persistence.schema(), "H2 folds the default schema's name to upper case");
        Brand brand = aBrand();
        persistence.brands().insert(brand);
        assertEquals(Optional.of(brand), persistence.brands().findById(brand.id()));
    }

    @Test
    void without_migrating_on_start_nothing_is_created_and_store_calls_fail_as_statement_failed() {
        JdbcPersistence persistence = JdbcPersistence.builder(freshH2()).migrateOnStart(false).build();

        BreakException e = assertThrows(BreakException.class, () -> persistence.brands().findById("b1"));

        assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, e.code());
        assertEquals(SqlFailures.STATEMENT_FAILED, e.reason());
    }

    @Test
    void a_host_may_apply_the_sql_files_with_its_own_tool_and_turn_migrating_off(@TempDir Path dir)
            throws SQLException, IOException {
        JdbcDataSource h2 = freshH2();
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA crm");
            statement.execute("SET SCHEMA crm");
            for (String file : List.of("V1__crm.sql", "V2__finance.sql", "V3__access_and_visibility.sql",
                    "V4__integrations.sql", "V6__mail_sync.sql")) {
                // what the README tells a host to do: substitute the placeholders with the dialect's values
                String sql = resource("com/breakagency/adapter/jdbc/migration/" + file);
                for (Map.Entry<String, String> placeholder : Dialect.H2.migrationPlaceholders().entrySet()) {
                    sql = sql.replace("${" + placeholder.getKey() + "}", placeholder.getValue());
                }
                assertFalse(sql.contains("${"), file);
                Path script = Files.writeString(dir.resolve(file), sql);
                statement.execute("RUNSCRIPT FROM '" + script.toAbsolutePath() + "'");
            }
        }

        JdbcPersistence persistence = JdbcPersistence.builder(h2).schema("crm").migrateOnStart(false).build();

        Brand brand = aBrand();
        persistence.brands().insert(brand);
        assertEquals(Optional.of(brand), persistence.brands().findById(brand.id()));
        assertEquals("CRM", persistence.schema());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = JdbcPersistenceBuilderTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_schema_that_is_not_a_plain_sql_name_is_refused() {
        for (String schema : new String[] {"", "1crm", "break-data", "crm;DROP TABLE brands", "\"crm\"", "a".repeat(64)}) {
            assertThrows(IllegalArgumentException.class,
                    () -> JdbcPersistence.builder(freshH2()).schema(schema).build(), schema);
        }
    }

    @Test
    void serialization_retries_must_be_between_zero_and_the_maximum() {
        assertThrows(IllegalArgumentException.class,
                () -> JdbcPersistence.builder(freshH2()).serializationRetries(-1).build());
        assertThrows(IllegalArgumentException.class, () -> JdbcPersistence.builder(freshH2())
                .serializationRetries(JdbcPersistence.MAX_SERIALIZATION_RETRIES + 1).build());
        JdbcPersistence.builder(freshH2()).serializationRetries(0).build();
        JdbcPersistence.builder(freshH2()).serializationRetries(JdbcPersistence.MAX_SERIALIZATION_RETRIES).build();
    }

    @Test
    void a_database_that_cannot_be_reached_is_persistence_unavailable_at_build_time() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");

        BreakException e = assertThrows(BreakException.class, () -> JdbcPersistence.create(nowhere));

        assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, e.code());
        assertEquals("DATABASE_UNREACHABLE", e.reason());
    }

    @Test
    void a_chosen_dialect_needs_no_connection_when_migrating_is_off() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");

        JdbcPersistence persistence = JdbcPersistence.builder(nowhere).dialect(Dialect.POSTGRESQL)
                .migrateOnStart(false).build();

        assertEquals(Dialect.POSTGRESQL, persistence.dialect());
        assertFalse(persistence.transactions().isActive());
        BreakException e = assertThrows(BreakException.class, () -> persistence.brands().findById("b1"));
        assertEquals("DATABASE_UNREACHABLE", e.reason());
    }
}
