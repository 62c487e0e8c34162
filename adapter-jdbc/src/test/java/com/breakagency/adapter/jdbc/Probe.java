package com.breakagency.adapter.jdbc;

import com.breakagency.ports.spi.Transactions;

/**
 * A tiny store of markers in the test-only table {@value TestDatabase#PROBE_TABLE}, taking part in Break's
 * units of work like any store of the adapter: what the transaction tests write and read.
 */
final class Probe {

    private final JdbcPersistence persistence;
    private final String table;

    Probe(JdbcPersistence persistence) {
        this.persistence = persistence;
        this.table = persistence.sql().table(TestDatabase.PROBE_TABLE);
    }

    Transactions transactions() {
        return persistence.transactions();
    }

    void write(String marker) {
        persistence.sql().update("INSERT INTO " + table + " (marker) VALUES (?)", marker);
    }

    boolean exists(String marker) {
        return persistence.sql().exists("SELECT 1 FROM " + table + " WHERE marker = ?", marker);
    }

    /** Adds one to a marker's counter. */
    void increment(String marker) {
        persistence.sql().update("UPDATE " + table + " SET n = n + 1 WHERE marker = ?", marker);
    }

    /** A marker's counter. */
    long count(String marker) {
        return persistence.sql().one("SELECT n FROM " + table + " WHERE marker = ?", row -> row.longValue("n"), marker)
                .orElseThrow();
    }
}
