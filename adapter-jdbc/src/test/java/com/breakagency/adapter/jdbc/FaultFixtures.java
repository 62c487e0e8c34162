package com.breakagency.adapter.jdbc;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.testkit.AgencyFixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the fault tests share: an issued invoice made through Break's use cases, and the content of every
 * Break table read on a separate connection, to show that a failed call left nothing behind.
 */
final class FaultFixtures {

    static final OperationContext FINANCE = AgencyFixture.aFinanceUser();
    static final OperationContext SYSTEM = AgencyFixture.theSystem();
    /** The deal value of {@link #issuedInvoice}: 12,500.00 GBP. */
    static final long DEAL_VALUE = 1_250_000;

    private FaultFixtures() {
    }

    /**
     * An issued invoice of a new brand, talent and deal. With a managing agent the default plan splits a
     * payment into three commission lines; without one its commissions wait for a repair step.
     */
    static Invoice issuedInvoice(AgencyFixture<BreakAgency> office, boolean managingAgent) {
        return office.anIssuedInvoice(office.aDealFor(managingAgent ? office.aTalent() : office.anUnmanagedTalent(),
                DEAL_VALUE, "GBP"));
    }

    /** Every row of every table of the schema (the migration history aside), table by table, sorted. */
    static Map<String, List<String>> snapshot(TestDatabase db, String schema) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection separate = db.separateConnection()) {
            for (String table : db.tables(schema)) {
                if (table.equals(JdbcPersistence.SCHEMA_HISTORY_TABLE)) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (PreparedStatement statement = separate.prepareStatement("SELECT * FROM " + schema + "." + table);
                     ResultSet result = statement.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            row.append(c > 1 ? "|" : "").append(result.getString(c));
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                out.put(table, rows);
            }
        }
        return out;
    }

    /** How many rows each table holds. */
    static Map<String, Integer> counts(Map<String, List<String>> snapshot) {
        Map<String, Integer> out = new TreeMap<>();
        snapshot.forEach((table, rows) -> out.put(table, rows.size()));
        return out;
    }

    /**
     * A query counting the payments that do not have exactly three commission lines adding up to them
     * (a payment without lines counts too).
     */
    static String paymentsNotSplitInThree(String schema) {
        return "SELECT COUNT(*) FROM (SELECT p.id FROM " + schema + ".payments p LEFT JOIN " + schema
                + ".commission_lines c ON c.payment_id = p.id GROUP BY p.id, p.amount_minor"
                + " HAVING COUNT(c.id) <> 3 OR COALESCE(SUM(c.amount_minor), 0) <> p.amount_minor) wrong";
    }

    /** A count on a separate connection. */
    static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection separate = db.separateConnection();
             PreparedStatement statement = separate.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
