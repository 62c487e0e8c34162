package com.breakagency.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A record, kept by PostgreSQL itself, of every completion of a work step: a trigger on {@code work_steps}
 * writes one row (step id, the worker that held it, its attempts) each time a RUNNING step becomes DONE,
 * inside the unit of work that completes it, so a rolled-back completion leaves no row. Made by the tests
 * in a test class's own schema, never by a migration; dropped with the schema.
 */
final class StepCompletions {

    static final String TABLE = "step_completions";

    private StepCompletions() {
    }

    /** Starts recording the completions in a schema; call after the tables were emptied. */
    static void record(TestDatabase db, String schema) {
        db.execute("CREATE TABLE IF NOT EXISTS " + schema + "." + TABLE + " (step_id VARCHAR(64) NOT NULL,"
                + " worker VARCHAR(255) NOT NULL, attempts INTEGER NOT NULL)");
        db.execute("CREATE OR REPLACE FUNCTION " + schema + ".record_step_completion() RETURNS trigger"
                + " LANGUAGE plpgsql AS $$ BEGIN INSERT INTO " + schema + "." + TABLE
                + " (step_id, worker, attempts) VALUES (OLD.id, OLD.lease_owner, NEW.attempts); RETURN NEW; END $$");
        db.execute("DROP TRIGGER IF EXISTS step_completed ON " + schema + ".work_steps");
        db.execute("CREATE TRIGGER step_completed AFTER UPDATE ON " + schema + ".work_steps FOR EACH ROW"
                + " WHEN (OLD.status = 'RUNNING' AND NEW.status = 'DONE')"
                + " EXECUTE FUNCTION " + schema + ".record_step_completion()");
    }

    /** How many completions each worker wrote. */
    static Map<String, Long> byWorker(Connection connection, String schema) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT worker, COUNT(*) FROM " + schema + "."
                + TABLE + " GROUP BY worker"); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    /** The single number a query returns. */
    static long count(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
