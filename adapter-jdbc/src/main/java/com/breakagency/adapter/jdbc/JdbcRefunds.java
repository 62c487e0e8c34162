package com.breakagency.adapter.jdbc;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionReversal;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.model.finance.Refund;
import com.breakagency.ports.model.finance.ReversalKind;
import com.breakagency.ports.spi.Refunds;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Refunds} in the append-only tables {@code refunds} and {@code commission_reversals}. One refund per
 * (invoice, external reference) is the constraint {@code refunds_reference_uq} (field {@code externalReference});
 * one reversal per (refund, line) is {@code commission_reversals_line_uq} (field {@code reversal}). A reversal's
 * only change, to PAID_OUT, is guarded by its status. Thread-safe.
 */
final class JdbcRefunds implements Refunds {

    /** The unique constraints of the tables, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "refunds_pk", new SqlFailures.UniqueKey("refund", "id"),
            "refunds_reference_uq", new SqlFailures.UniqueKey("refund", "externalReference"),
            "commission_reversals_pk", new SqlFailures.UniqueKey("commission reversal", "id"),
            "commission_reversals_line_uq", new SqlFailures.UniqueKey("commission reversal", "reversal"));

    private static final String COLUMNS = "id, payment_id, invoice_id, amount_minor, currency, refunded_on,"
            + " external_reference, reason, recorded_by, recorded_at";
    private static final String REVERSAL_COLUMNS = "id, refund_id, line_id, payment_id, invoice_id, talent_id,"
            + " beneficiary_kind, beneficiary_id, amount_minor, currency, kind, status, created_at";

    private final Sql sql;
    private final String refunds;
    private final String reversals;

    JdbcRefunds(Sql sql) {
        this.sql = sql;
        this.refunds = sql.table("refunds");
        this.reversals = sql.table("commission_reversals");
    }

    @Override
    public void insert(Refund refund) {
        sql.update("INSERT INTO " + refunds + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", refund.id(),
                refund.paymentId(), refund.invoiceId(), refund.amount().minorUnits(),
                refund.amount().currency().getCurrencyCode(), refund.refundedOn(), refund.externalReference(),
                refund.reason(), refund.recordedBy(), refund.recordedAt());
    }

    @Override
    public Optional<Refund> findById(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM " + refunds + " WHERE id = ?", JdbcRefunds::refund, id);
    }

    @Override
    public List<Refund> byPayment(String paymentId) {
        return sql.list("SELECT " + COLUMNS + " FROM " + refunds + " WHERE payment_id = ? ORDER BY id", JdbcRefunds::refund,
                paymentId);
    }

    @Override
    public List<Refund> byInvoice(String invoiceId) {
        return sql.list("SELECT " + COLUMNS + " FROM " + refunds + " WHERE invoice_id = ? ORDER BY id", JdbcRefunds::refund,
                invoiceId);
    }

    @Override
    public List<Refund> refundedBetween(LocalDate from, LocalDate to, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where().and("refunded_on >= ?", from).and("refunded_on < ?", to).andIf(afterId, "id > ?");
        return sql.list("SELECT " + COLUMNS + " FROM " + refunds + where.sql() + " ORDER BY id FETCH FIRST ? ROWS ONLY",
                JdbcRefunds::refund, where.params(limit));
    }

    @Override
    public void insertReversals(List<CommissionReversal> all) {
        if (all.isEmpty()) {
            return;
        }
        List<List<Object>> rows = new ArrayList<>(all.size());
        for (CommissionReversal r : all) {
            rows.add(Arrays.asList(r.id(), r.refundId(), r.reversesLineId(), r.paymentId(), r.invoiceId(), r.talentId(),
                    r.beneficiary().kind(), r.beneficiary().id(), r.amount().minorUnits(),
                    r.amount().currency().getCurrencyCode(), r.kind(), r.status(), r.createdAt()));
        }
        sql.batch("INSERT INTO " + reversals + " (" + REVERSAL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    @Override
    public List<CommissionReversal> reversalsByPayment(String paymentId) {
        return sql.list("SELECT " + REVERSAL_COLUMNS + " FROM " + reversals + " WHERE payment_id = ? ORDER BY id",
                JdbcRefunds::reversal, paymentId);
    }

    @Override
    public List<CommissionReversal> reversalsByInvoice(String invoiceId) {
        return sql.list("SELECT " + REVERSAL_COLUMNS + " FROM " + reversals + " WHERE invoice_id = ? ORDER BY id",
                JdbcRefunds::reversal, invoiceId);
    }

    @Override
    public List<CommissionReversal> reversalsOf(Beneficiary beneficiary, boolean pendingOnly, Optional<String> afterId,
                                                int limit) {
        Paging.requireLimit(limit);
        Where where = new Where().and("beneficiary_kind = ?", beneficiary.kind()).and("beneficiary_id = ?", beneficiary.id())
                .andIf(pendingOnly ? Optional.of(CommissionStatus.PENDING_PAYOUT) : Optional.empty(), "status = ?")
                .andIf(afterId, "id > ?");
        return sql.list("SELECT " + REVERSAL_COLUMNS + " FROM " + reversals + where.sql()
                + " ORDER BY id FETCH FIRST ? ROWS ONLY", JdbcRefunds::reversal, where.params(limit));
    }

    @Override
    public List<CommissionReversal> pendingReversals(Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where().and("status = ?", CommissionStatus.PENDING_PAYOUT).andIf(afterId, "id > ?");
        return sql.list("SELECT " + REVERSAL_COLUMNS + " FROM " + reversals + where.sql()
                + " ORDER BY id FETCH FIRST ? ROWS ONLY", JdbcRefunds::reversal, where.params(limit));
    }

    @Override
    public void markPaidOut(List<String> ids) {
        Chunks.requireAllMoved(sql, reversals, ids);
    }

    private static Refund refund(Sql.Row row) throws SQLException {
        return new Refund(row.string("id"), row.string("payment_id"), row.string("invoice_id"),
                Money.of(row.longValue("amount_minor"), row.string("currency").strip()), row.date("refunded_on"),
                row.string("external_reference"), row.string("reason"), row.string("recorded_by"),
                row.instant("recorded_at"));
    }

    private static CommissionReversal reversal(Sql.Row row) throws SQLException {
        return new CommissionReversal(row.string("id"), row.string("refund_id"), row.string("line_id"),
                row.string("payment_id"), row.string("invoice_id"), row.string("talent_id"),
                new Beneficiary(row.enumValue("beneficiary_kind", BeneficiaryKind.class), row.string("beneficiary_id")),
                Money.of(row.longValue("amount_minor"), row.string("currency").strip()),
                row.enumValue("kind", ReversalKind.class), row.enumValue("status", CommissionStatus.class),
                row.instant("created_at"));
    }
}
