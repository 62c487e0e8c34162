package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.testkit.LogCapture;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DialectTest {

    @Test
    void the_product_names_the_drivers_report_choose_the_dialect() {
        assertEquals(Optional.of(Dialect.POSTGRESQL), Dialect.forProductName("PostgreSQL"));
        assertEquals(Optional.of(Dialect.H2), Dialect.forProductName("H2"));
        assertEquals(Optional.empty(), Dialect.forProductName("Oracle"));
        assertEquals(Optional.empty(), Dialect.forProductName(null));
    }

    @Test
    void unquoted_names_are_folded_as_each_database_folds_them() {
        assertEquals("break_data", Dialect.POSTGRESQL.fold("Break_Data"));
        assertEquals("BREAK_DATA", Dialect.H2.fold("Break_Data"));
    }

    @Test
    void detection_logs_its_choice_at_info_and_an_override_says_the_host_chose() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:dialect_detection");
        try (LogCapture logs = LogCapture.of(Dialect.class.getName())) {
            assertEquals(Dialect.H2, JdbcPersistence.builder(h2).migrateOnStart(false).build().dialect());
            assertEquals(Dialect.H2, JdbcPersistence.builder(h2).migrateOnStart(false).dialect(Dialect.H2).build()
                    .dialect());

            String text = logs.allText();
            assertTrue(text.contains("INFO") && text.contains("dialect H2, detected from the database product name"),
                    text);
            assertTrue(text.contains("dialect H2 (set by the host)"), text);
        }
    }
}
