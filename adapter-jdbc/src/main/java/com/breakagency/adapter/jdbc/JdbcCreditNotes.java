package com.breakagency.adapter.jdbc;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.CreditNote;
import com.breakagency.ports.spi.CreditNotes;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CreditNotes} in the append-only table {@code credit_notes}. A number is unique by the constraint
 * {@code credit_notes_number_uq} (field {@code number}); {@link #nextNumber()} increments the one row of
 * {@code credit_note_numbers} inside the unit of work with the same statement invoice numbers use
 * ({@link Dialect#nextInvoiceNumber}), so concurrent issuers queue on its row lock and a rolled-back unit gives
 * its number back: the committed numbers have no gaps. Thread-safe.
 */
final class JdbcCreditNotes implements CreditNotes {

    /** The unique constraints of the tables, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "credit_notes_pk", new SqlFailures.UniqueKey("credit note", "id"),
            "credit_notes_number_uq", new SqlFailures.UniqueKey("credit note", "number"));

    private static final String COLUMNS = "id, invoice_id, brand_id, number, amount_minor, currency, reason, refund_id,"
            + " issued_by, created_at";

    private final Sql sql;
    private final String notes;
    private final String nextNumberSql;

    JdbcCreditNotes(Sql sql, Dialect dialect) {
        this.sql = sql;
        this.notes = sql.table("credit_notes");
        this.nextNumberSql = dialect.nextInvoiceNumber(sql.table("credit_note_numbers"));
    }

    @Override
    public void insert(CreditNote note) {
        sql.update("INSERT INTO " + notes + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", note.id(),
                note.invoiceId(), note.brandId(), note.number(), note.amount().minorUnits(),
                note.amount().currency().getCurrencyCode(), note.reason(), note.refundId().orElse(null), note.issuedBy(),
                note.createdAt());
    }

    @Override
    public Optional<CreditNote> findById(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM " + notes + " WHERE id = ?", JdbcCreditNotes::row, id);
    }

    @Override
    public List<CreditNote> byInvoice(String invoiceId) {
        return sql.list("SELECT " + COLUMNS + " FROM " + notes + " WHERE invoice_id = ? ORDER BY id", JdbcCreditNotes::row,
                invoiceId);
    }

    @Override
    public long nextNumber() {
        if (!sql.transactions().isActive()) {
            throw new IllegalStateException("call this inside a unit of work: its number lasts until the unit ends");
        }
        return sql.one(nextNumberSql, row -> row.longValue("last_number"))
                .orElseThrow(() -> new IllegalStateException("the credit-note counter returned no row"));
    }

    @Override
    public List<CreditNote> list(Query query, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .andIf(query.brandId(), "brand_id = ?")
                .andIf(query.invoiceId(), "invoice_id = ?")
                .andIf(query.from(), "created_at >= ?")
                .andIf(query.to(), "created_at < ?")
                .andIf(afterId, "id > ?");
        return sql.list("SELECT " + COLUMNS + " FROM " + notes + where.sql() + " ORDER BY id FETCH FIRST ? ROWS ONLY",
                JdbcCreditNotes::row, where.params(limit));
    }

    private static CreditNote row(Sql.Row row) throws SQLException {
        return new CreditNote(row.string("id"), row.string("invoice_id"), row.string("brand_id"), row.longValue("number"),
                Money.of(row.longValue("amount_minor"), row.string("currency").strip()), row.string("reason"),
                row.optionalString("refund_id"), row.string("issued_by"), row.instant("created_at"));
    }
}
