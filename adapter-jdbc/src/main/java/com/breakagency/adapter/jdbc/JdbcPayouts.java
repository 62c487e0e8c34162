package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.Payout;
import com.breakagency.ports.model.finance.PayoutEntryKind;
import com.breakagency.ports.model.finance.PayoutItem;
import com.breakagency.ports.model.finance.PayoutStatus;
import com.breakagency.ports.spi.Payouts;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Payouts} in the tables {@code payouts} and {@code payout_items}. An item's {@code live_entry_id} holds
 * its entry's id while the payout is live and NULL once it is cancelled; the unique constraint
 * {@code payout_items_live_uq} on it (CONFLICT/ALREADY_EXISTS, field {@code entryId}) is what keeps an entry in
 * at most one live payout, whatever the number of units of work gathering at once (on PostgreSQL the second
 * insert waits for the first unit of work, then fails). {@code payouts_amount_ck} keeps every payout at zero or
 * more. Thread-safe.
 */
final class JdbcPayouts implements Payouts {

    /** The unique constraints of the tables, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "payouts_pk", new SqlFailures.UniqueKey("payout", "id"),
            "payout_items_pk", new SqlFailures.UniqueKey("payout item", "entryId"),
            "payout_items_live_uq", new SqlFailures.UniqueKey("payout item", "entryId"));

    private static final String COLUMNS = "id, beneficiary_kind, beneficiary_id, amount_minor, currency, status, up_to,"
            + " external_reference, paid_on, version, created_at, updated_at";
    private static final String ITEM_COLUMNS = "payout_id, entry_id, entry_kind, amount_minor, currency, live_entry_id";

    private final Sql sql;
    private final String payouts;
    private final String items;

    JdbcPayouts(Sql sql) {
        this.sql = sql;
        this.payouts = sql.table("payouts");
        this.items = sql.table("payout_items");
    }

    @Override
    public void insert(Payout payout, List<PayoutItem> all) {
        sql.transactions().inTransaction(() -> {
            sql.update("INSERT INTO " + payouts + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    payout.id(), payout.beneficiary().kind(), payout.beneficiary().id(), payout.amount().minorUnits(),
                    payout.amount().currency().getCurrencyCode(), payout.status(), payout.upTo().orElse(null),
                    payout.externalReference().orElse(null), payout.paidOn().orElse(null), payout.version(),
                    payout.createdAt(), payout.updatedAt());
            List<List<Object>> rows = new ArrayList<>(all.size());
            for (PayoutItem item : all) {
                if (!item.payoutId().equals(payout.id())) {
                    throw new IllegalArgumentException("an item names another payout");
                }
                rows.add(Arrays.asList(item.payoutId(), item.entryId(), item.kind(), item.amount().minorUnits(),
                        item.amount().currency().getCurrencyCode(), payout.status().isLive() ? item.entryId() : null));
            }
            sql.batch("INSERT INTO " + items + " (" + ITEM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", rows);
            return null;
        });
    }

    @Override
    public Optional<Payout> findById(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM " + payouts + " WHERE id = ?", JdbcPayouts::payout, id);
    }

    @Override
    public Optional<Payout> findByIdForUpdate(String id) {
        if (!sql.transactions().isActive()) {
            throw new IllegalStateException("call this inside a unit of work: its lock lasts until the unit ends");
        }
        return sql.one("SELECT " + COLUMNS + " FROM " + payouts + " WHERE id = ? FOR UPDATE", JdbcPayouts::payout, id);
    }

    @Override
    public List<PayoutItem> items(String payoutId) {
        return sql.list("SELECT " + ITEM_COLUMNS + " FROM " + items + " WHERE payout_id = ? ORDER BY entry_id",
                JdbcPayouts::item, payoutId);
    }

    @Override
    public void update(Payout payout) {
        sql.transactions().inTransaction(() -> {
            int updated = sql.update("UPDATE " + payouts + " SET status = ?, external_reference = ?, paid_on = ?,"
                            + " version = ?, updated_at = ? WHERE id = ? AND version = ?", payout.status(),
                    payout.externalReference().orElse(null), payout.paidOn().orElse(null), payout.version(),
                    payout.updatedAt(), payout.id(), payout.version() - 1);
            if (updated == 0) {
                throw sql.exists("SELECT 1 FROM " + payouts + " WHERE id = ?", payout.id())
                        ? BreakException.versionMismatch("payout", payout.id())
                        : BreakException.notFound("payout", payout.id());
            }
            if (!payout.status().isLive()) {
                sql.update("UPDATE " + items + " SET live_entry_id = NULL WHERE payout_id = ?", payout.id());
            }
            return null;
        });
    }

    @Override
    public Set<String> inLivePayouts(Collection<String> entryIds) {
        Set<String> live = new HashSet<>();
        for (List<String> chunk : Chunks.of(entryIds)) {
            live.addAll(sql.list("SELECT live_entry_id FROM " + items + " WHERE live_entry_id IN ("
                    + Sql.placeholders(chunk.size()) + ")", row -> row.string("live_entry_id"), new ArrayList<>(chunk)));
        }
        return live;
    }

    @Override
    public List<Payout> list(Query query, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .andIf(query.beneficiary().map(Beneficiary::kind), "beneficiary_kind = ?")
                .andIf(query.beneficiary().map(Beneficiary::id), "beneficiary_id = ?")
                .andIf(query.status(), "status = ?")
                .andIf(query.paidFrom(), "paid_on >= ?")
                .andIf(query.paidTo(), "paid_on < ?")
                .andIf(afterId, "id > ?");
        return sql.list("SELECT " + COLUMNS + " FROM " + payouts + where.sql() + " ORDER BY id FETCH FIRST ? ROWS ONLY",
                JdbcPayouts::payout, where.params(limit));
    }

    private static Payout payout(Sql.Row row) throws SQLException {
        return new Payout(row.string("id"),
                new Beneficiary(row.enumValue("beneficiary_kind", BeneficiaryKind.class), row.string("beneficiary_id")),
                Money.of(row.longValue("amount_minor"), row.string("currency").strip()),
                row.enumValue("status", PayoutStatus.class), row.optionalInstant("up_to"),
                row.optionalString("external_reference"), row.optionalDate("paid_on"), row.longValue("version"),
                row.instant("created_at"), row.instant("updated_at"));
    }

    private static PayoutItem item(Sql.Row row) throws SQLException {
        return new PayoutItem(row.string("payout_id"), row.string("entry_id"),
                row.enumValue("entry_kind", PayoutEntryKind.class),
                Money.of(row.longValue("amount_minor"), row.string("currency").strip()));
    }
}
