package com.breakagency.adapter.jdbc;

import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.CommissionStatus;
import com.breakagency.ports.spi.Commissions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Commissions} in the append-only table {@code commission_lines}. One line per (payment,
 * beneficiary kind, beneficiary id) is the constraint {@code commission_lines_allocation_uq}
 * (CONFLICT/ALREADY_EXISTS, field {@code allocation}): a payment is allocated once however many units of
 * work try at once. {@link #insertAll} holds the lines as one multi-row insert, sent with the unit of
 * work's other writes ({@link PendingWrites}); a refused line fails the
 * statement and so the unit of work, which keeps none of them. Rates are {@code NUMERIC(30, 15)}: equal
 * by {@code compareTo}, their scale as the database returns it. Thread-safe.
 */
final class JdbcCommissions implements Commissions {

    /** The unique constraints of the table, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "commission_lines_pk", new SqlFailures.UniqueKey("commission line", "id"),
            "commission_lines_allocation_uq", new SqlFailures.UniqueKey("commission line", "allocation"));

    private static final String COLUMNS = "id, payment_id, invoice_id, deal_id, talent_id, beneficiary_kind,"
            + " beneficiary_id, basis_minor, rate, plan_id, amount_minor, currency, status, created_at";

    private final Sql sql;
    private final String lines;
    private final String payments;

    JdbcCommissions(Sql sql) {
        this.sql = sql;
        this.lines = sql.table("commission_lines");
        this.payments = sql.table("payments");
    }

    @Override
    public void insertAll(List<CommissionLine> all) {
        if (all.isEmpty()) {
            return;
        }
        List<List<Object>> rows = new ArrayList<>(all.size());
        for (CommissionLine line : all) {
            rows.add(Arrays.asList(line.id(), line.paymentId(), line.invoiceId(), line.dealId(),
                    line.talentId(), line.beneficiary().kind(), line.beneficiary().id(), line.basis().minorUnits(),
                    line.rate(), line.planId(), line.amount().minorUnits(),
                    line.amount().currency().getCurrencyCode(), line.status(), line.createdAt()));
        }
        sql.deferInsert(lines, COLUMNS, rows);
    }

    @Override
    public List<CommissionLine> byPayment(String paymentId) {
        return sql.list("SELECT " + COLUMNS + " FROM " + lines + " WHERE payment_id = ? ORDER BY id",
                JdbcCommissions::row, paymentId);
    }

    @Override
    public List<CommissionLine> byInvoice(String invoiceId) {
        // through the invoice's payments: payments_reference_uq leads with invoice_id, the allocation index
        // with payment_id (V7)
        return sql.list("SELECT " + COLUMNS + " FROM " + lines + " WHERE payment_id IN (SELECT p.id FROM " + payments
                        + " p WHERE p.invoice_id = ?) ORDER BY id", JdbcCommissions::row, invoiceId);
    }

    @Override
    public List<CommissionLine> list(Query query, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .andIf(query.beneficiary().map(Beneficiary::kind), "beneficiary_kind = ?")
                .andIf(query.beneficiary().map(Beneficiary::id), "beneficiary_id = ?")
                .andIf(query.talentId(), "talent_id = ?")
                .andIf(query.status(), "status = ?")
                .andIf(query.from(), "created_at >= ?")
                .andIf(query.to(), "created_at < ?")
                .andIf(afterId, "id > ?");
        return sql.list("SELECT " + COLUMNS + " FROM " + lines + where.sql() + " ORDER BY id FETCH FIRST ? ROWS ONLY",
                JdbcCommissions::row, where.params(limit));
    }

    private static CommissionLine row(Sql.Row row) throws SQLException {
        String currency = row.string("currency").strip();
        return new CommissionLine(row.string("id"), row.string("payment_id"), row.string("invoice_id"),
                row.string("deal_id"), row.string("talent_id"),
                new Beneficiary(row.enumValue("beneficiary_kind", BeneficiaryKind.class), row.string("beneficiary_id")),
                Money.of(row.longValue("basis_minor"), currency), row.decimal("rate"), row.string("plan_id"),
                Money.of(row.longValue("amount_minor"), currency), row.enumValue("status", CommissionStatus.class),
                row.instant("created_at"));
    }

    @Override
    public void markPaidOut(List<String> ids) {
        Chunks.requireAllMoved(sql, lines, ids);
    }

    @Override
    public Map<String, Long> amountByCurrency(CommissionStatus status, Set<BeneficiaryKind> kinds) {
        if (kinds.isEmpty()) {
            return Map.of();
        }
        Where where = new Where().and("status = ?", status).andIn("beneficiary_kind", kinds.stream().sorted().toList());
        return JdbcInvoices.sums(sql, "SELECT currency, SUM(amount_minor) AS total FROM " + lines + where.sql()
                + " GROUP BY currency", where.params());
    }
}
