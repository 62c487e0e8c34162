package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceLine;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.spi.Invoices;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link Invoices} in table {@code invoices}; the lines are JSON text, in their order, and the total and
 * amount paid are minor units in the invoice's currency.
 *
 * <ul>
 *   <li>One invoice per deal and unique numbers are the constraints {@code invoices_deal_id_uq} and
 *       {@code invoices_number_uq} (CONFLICT/ALREADY_EXISTS, fields {@code dealId} and {@code number}).</li>
 *   <li>An invoice keeps no owner of its own: the owner-agent filter is a subquery on {@code deals}, so a
 *       listing follows the deal's current owner.</li>
 *   <li>{@link #findByIdForUpdate(String)} is {@code SELECT ... FOR UPDATE}: the row lock is held to the end
 *       of the unit of work, so payments to one invoice are recorded one after the other.</li>
 *   <li>{@link #nextNumber()} increments the one row of {@code invoice_numbers} inside the unit of work:
 *       concurrent issuers queue on its row lock, and a rolled-back unit gives its number back, so the
 *       committed numbers have no gaps. One statement, the dialect's ({@link Dialect#nextInvoiceNumber}),
 *       which creates the row if it is missing.</li>
 * </ul>
 * Thread-safe.
 */
final class JdbcInvoices implements Invoices {

    /** The unique constraints of the tables, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "invoices_pk", new SqlFailures.UniqueKey("invoice", "id"),
            "invoices_deal_id_uq", new SqlFailures.UniqueKey("invoice", "dealId"),
            "invoices_number_uq", new SqlFailures.UniqueKey("invoice", "number"));

    private static final String COLUMNS = "id, deal_id, brand_id, talent_id, number, lines,"
            + " total_minor, paid_minor, currency, due_date, status, commissions, version, created_at, updated_at,"
            + " credited_minor";

    private final Sql sql;
    private final String invoices;
    private final String deals;
    private final String nextNumberSql;

    JdbcInvoices(Sql sql, Dialect dialect) {
        this.sql = sql;
        this.invoices = sql.table("invoices");
        this.deals = sql.table("deals");
        this.nextNumberSql = dialect.nextInvoiceNumber(sql.table("invoice_numbers"));
    }

    @Override
    public void insert(Invoice invoice) {
        sql.update("INSERT INTO " + invoices + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                invoice.id(), invoice.dealId(), invoice.brandId(), invoice.talentId(),
                invoice.number().orElse(null), lines(invoice), invoice.total().minorUnits(),
                invoice.paid().minorUnits(), invoice.total().currency().getCurrencyCode(),
                invoice.dueDate().orElse(null), invoice.status(), invoice.commissions(), invoice.version(),
                invoice.createdAt(), invoice.updatedAt(), invoice.credited().minorUnits());
    }

    @Override
    public void update(Invoice invoice) {
        // held with the unit's other writes; the row count is checked when they are sent
        sql.defer("UPDATE " + invoices + " SET brand_id = ?, talent_id = ?,"
                        + " number = ?, lines = ?, total_minor = ?, paid_minor = ?, currency = ?, due_date = ?,"
                        + " status = ?, commissions = ?, version = ?, created_at = ?, updated_at = ?,"
                        + " credited_minor = ? WHERE id = ? AND version = ?", updated -> requireOne(updated, invoice.id()),
                invoice.brandId(), invoice.talentId(), invoice.number().orElse(null),
                lines(invoice), invoice.total().minorUnits(), invoice.paid().minorUnits(),
                invoice.total().currency().getCurrencyCode(), invoice.dueDate().orElse(null), invoice.status(),
                invoice.commissions(), invoice.version(), invoice.createdAt(), invoice.updatedAt(),
                invoice.credited().minorUnits(), invoice.id(), invoice.version() - 1);
    }

    private void requireOne(int updated, String id) {
        if (updated == 0) {
            throw sql.exists("SELECT 1 FROM " + invoices + " WHERE id = ?", id)
                    ? BreakException.versionMismatch("invoice", id)
                    : BreakException.notFound("invoice", id);
        }
    }

    @Override
    public Optional<Invoice> findById(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM " + invoices + " WHERE id = ?", JdbcInvoices::row, id);
    }

    @Override
    public Optional<Invoice> findByIdForUpdate(String id) {
        requireUnitOfWork();
        return sql.one("SELECT " + COLUMNS + " FROM " + invoices + " WHERE id = ? FOR UPDATE", JdbcInvoices::row, id);
    }

    @Override
    public Optional<Invoice> findByDeal(String dealId) {
        return sql.one("SELECT " + COLUMNS + " FROM " + invoices + " WHERE deal_id = ?", JdbcInvoices::row, dealId);
    }

    @Override
    public long nextNumber() {
        requireUnitOfWork();
        return sql.one(nextNumberSql, row -> row.longValue("last_number"))
                .orElseThrow(() -> new IllegalStateException("the invoice counter returned no row"));
    }

    @Override
    public List<Invoice> list(Query query, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .andIf(query.dealId(), "deal_id = ?")
                .andIf(query.brandId(), "brand_id = ?")
                .andIf(query.talentId(), "talent_id = ?")
                // the deal's owner now, not when the invoice was drafted
                .andIf(query.ownerAgentId(), "deal_id IN (SELECT d.id FROM " + deals + " d WHERE d.owner_agent_id = ?)")
                .andIf(query.dueBefore(), "due_date < ?")
                .andIf(afterId, "id > ?");
        if (!query.statuses().isEmpty() && query.statuses().size() < InvoiceStatus.values().length) {
            List<InvoiceStatus> statuses = query.statuses().stream().sorted().toList();
            where.andIn("status", statuses);
        }
        return sql.list("SELECT " + COLUMNS + " FROM " + invoices + where.sql() + " ORDER BY id FETCH FIRST ? ROWS ONLY",
                JdbcInvoices::row, where.params(limit));
    }

    private void requireUnitOfWork() {
        if (!sql.transactions().isActive()) {
            throw new IllegalStateException("call this inside a unit of work: its lock or number lasts until the"
                    + " unit ends");
        }
    }

    private static String lines(Invoice invoice) {
        List<Map<String, String>> lines = new ArrayList<>();
        for (InvoiceLine line : invoice.lines()) {
            Map<String, String> object = new LinkedHashMap<>();
            object.put("description", line.description());
            object.put("amountMinor", Long.toString(line.amount().minorUnits()));
            object.put("currency", line.amount().currency().getCurrencyCode());
            lines.add(object);
        }
        return JsonText.objects(lines);
    }

    private static Invoice row(Sql.Row row) throws SQLException {
        List<InvoiceLine> lines = new ArrayList<>();
        for (Map<String, String> line : JsonText.parseObjects(row.string("lines"))) {
            lines.add(new InvoiceLine(line.get("description"),
                    Money.of(Long.parseLong(line.get("amountMinor")), line.get("currency"))));
        }
        String currency = row.string("currency").strip();
        return new Invoice(row.string("id"), row.string("deal_id"), row.string("brand_id"), row.string("talent_id"),
                row.optionalLong("number"), lines,
                Money.of(row.longValue("total_minor"), currency), Money.of(row.longValue("paid_minor"), currency),
                Money.of(row.longValue("credited_minor"), currency), row.optionalDate("due_date"), row.enumValue("status", InvoiceStatus.class),
                row.enumValue("commissions", CommissionState.class), row.longValue("version"),
                row.instant("created_at"), row.instant("updated_at"));
    }

    @Override
    public Map<String, Long> outstandingByCurrency(Set<InvoiceStatus> statuses, Optional<LocalDate> dueBefore) {
        if (statuses.isEmpty()) {
            return Map.of();
        }
        Where where = new Where().andIn("status", statuses.stream().sorted().toList()).andIf(dueBefore, "due_date < ?");
        return sums(sql, "SELECT currency, SUM(total_minor - credited_minor - paid_minor) AS total FROM " + invoices + where.sql()
                + " GROUP BY currency", where.params());
    }

    /** Minor units per currency code, from rows of {@code currency} and {@code total}. */
    static Map<String, Long> sums(Sql sql, String query, List<Object> params) {
        Map<String, Long> sums = new TreeMap<>();
        for (Map.Entry<String, Long> row : sql.list(query, r -> Map.entry(r.string("currency").strip(), r.longValue("total")),
                params)) {
            sums.merge(row.getKey(), row.getValue(), Long::sum);
        }
        return sums;
    }
}
