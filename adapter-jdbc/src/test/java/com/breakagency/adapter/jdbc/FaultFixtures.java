package com.breakagency.adapter.jdbc;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Invoice;
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

    static final String AGENT_ID = "agent-ana";
    static final OperationContext AGENT = OperationContext.of(Actor.staff(AGENT_ID, Role.AGENT));
    static final OperationContext FINANCE = OperationContext.of(Actor.staff("finance-fay", Role.FINANCE));
    static final OperationContext SYSTEM = OperationContext.of(Actor.system());
    /** The deal value of {@link #issuedInvoice}: 12,500.00 GBP. */
    static final long DEAL_VALUE = 1_250_000;

    private FaultFixtures() {
    }

    /**
     * An issued invoice of a new brand, talent and deal. With a managing agent the default plan splits a
     * payment into three commission lines; without one its commissions wait for a repair step.
     */
    static Invoice issuedInvoice(BreakAgency agency, boolean managingAgent) {
        Brand brand = agency.crm().createBrand(AGENT, CreateBrand.of("Northwind Coffee", AGENT_ID).withDomains("northwind.example"));
        Talent talent = agency.crm().createTalent(AGENT, CreateTalent.named("Maya Lopez").managedBy(managingAgent ? AGENT_ID : null));
        Deal deal = agency.crm().createDeal(AGENT, CreateDeal.of(brand.id(), talent.id(), AGENT_ID, "Spring campaign", Money.of(DEAL_VALUE, "GBP")));
        agency.crm().moveDealStage(AGENT, new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_PENDING));
        Invoice draft = agency.finance().listInvoices(FINANCE, InvoiceQuery.forDeal(deal.id()).limit(1)).items().get(0);
        return agency.finance().issueInvoice(FINANCE, IssueInvoice.of(draft));
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
