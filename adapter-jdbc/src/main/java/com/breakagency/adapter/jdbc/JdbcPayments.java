package com.breakagency.adapter.jdbc;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Payment;
import com.breakagency.ports.model.finance.PaymentSource;
import com.breakagency.ports.spi.Payments;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Payments} in the append-only table {@code payments}. One payment per (invoice, external
 * reference) is the constraint {@code payments_reference_uq} (CONFLICT/ALREADY_EXISTS, field
 * {@code externalReference}), compared byte by byte; its index also serves an invoice's payments.
 * {@link #withoutCommissions} is a {@code NOT EXISTS} anti-join that probes the index of
 * {@code commission_lines_allocation_uq}, which leads with {@code payment_id}, paged by id after the cursor;
 * {@link #countInvoicesWithoutCommissions} counts the distinct invoices of the same anti-join in one
 * statement. Thread-safe.
 */
final class JdbcPayments implements Payments {

    /** The unique constraints of the table, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "payments_pk", new SqlFailures.UniqueKey("payment", "id"),
            "payments_reference_uq", new SqlFailures.UniqueKey("payment", "externalReference"));

    private static final String COLUMNS = "id, invoice_id, amount_minor, currency, received_on, external_reference,"
            + " source, recorded_by, recorded_at";

    private final Sql sql;
    private final String payments;
    /** The anti-join: payment {@code p} has no commission line. */
    private final String withoutLines;

    JdbcPayments(Sql sql) {
        this.sql = sql;
        this.payments = sql.table("payments");
        this.withoutLines = "NOT EXISTS (SELECT 1 FROM " + sql.table("commission_lines") + " c WHERE c.payment_id = p.id)";
    }

    @Override
    public void insert(Payment payment) {
        sql.defer("INSERT INTO " + payments + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", null,
                payment.id(), payment.invoiceId(), payment.amount().minorUnits(),
                payment.amount().currency().getCurrencyCode(), payment.receivedOn(), payment.externalReference(),
                payment.source(), payment.recordedBy(), payment.recordedAt());
    }

    @Override
    public Optional<Payment> findById(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM " + payments + " WHERE id = ?", JdbcPayments::row, id);
    }

    @Override
    public List<Payment> byInvoice(String invoiceId) {
        return sql.list("SELECT " + COLUMNS + " FROM " + payments + " WHERE invoice_id = ? ORDER BY id",
                JdbcPayments::row, invoiceId);
    }

    @Override
    public List<Payment> receivedBetween(LocalDate from, LocalDate to, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .and("received_on >= ?", from)
                .and("received_on < ?", to)
                .andIf(afterId, "id > ?");
        return sql.list("SELECT " + COLUMNS + " FROM " + payments + where.sql() + " ORDER BY id FETCH FIRST ? ROWS ONLY",
                JdbcPayments::row, where.params(limit));
    }

    @Override
    public List<Payment> withoutCommissions(Instant recordedBefore, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .and("p.recorded_at < ?", recordedBefore)
                .and(withoutLines)
                .andIf(afterId, "p.id > ?");
        return sql.list("SELECT " + Sql.qualified("p", COLUMNS) + " FROM " + payments + " p" + where.sql()
                        + " ORDER BY p.id FETCH FIRST ? ROWS ONLY",
                JdbcPayments::row, where.params(limit));
    }

    @Override
    public long countInvoicesWithoutCommissions() {
        return sql.one("SELECT COUNT(DISTINCT p.invoice_id) AS n FROM " + payments + " p WHERE " + withoutLines,
                row -> row.longValue("n")).orElse(0L);
    }

    private static Payment row(Sql.Row row) throws SQLException {
        return new Payment(row.string("id"), row.string("invoice_id"),
                Money.of(row.longValue("amount_minor"), row.string("currency").strip()), row.date("received_on"),
                row.string("external_reference"), row.enumValue("source", PaymentSource.class),
                row.string("recorded_by"), row.instant("recorded_at"));
    }

    @Override
    public Map<String, Long> receivedByCurrency(LocalDate from, LocalDate to) {
        return JdbcInvoices.sums(sql, "SELECT currency, SUM(amount_minor) AS total FROM " + payments
                + " WHERE received_on >= ? AND received_on < ? GROUP BY currency", List.of(from, to));
    }
}
