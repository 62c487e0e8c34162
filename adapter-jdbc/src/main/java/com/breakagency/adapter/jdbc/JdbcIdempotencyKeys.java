package com.breakagency.adapter.jdbc;

import com.breakagency.ports.model.finance.IdempotencyRecord;
import com.breakagency.ports.spi.IdempotencyKeys;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@link IdempotencyKeys} in table {@code idempotency_keys}, whose primary key (scope, key) is the
 * uniqueness promise (CONFLICT/ALREADY_EXISTS, field {@code idempotencyKey}), compared byte by byte. A
 * second insert of a key whose first insert is not committed yet waits for it on the index, then fails or
 * goes through, as the first unit of work commits or rolls back. Thread-safe.
 */
final class JdbcIdempotencyKeys implements IdempotencyKeys {

    /** The unique constraints of the table, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "idempotency_keys_pk", new SqlFailures.UniqueKey("idempotency key", "idempotencyKey"));

    private static final String COLUMNS = "scope, idempotency_key, fingerprint, result_id, created_at, expires_at";

    private final Sql sql;
    private final String keys;

    JdbcIdempotencyKeys(Sql sql) {
        this.sql = sql;
        this.keys = sql.table("idempotency_keys");
    }

    @Override
    public Optional<IdempotencyRecord> find(String scope, String key) {
        return sql.one("SELECT " + COLUMNS + " FROM " + keys + " WHERE scope = ? AND idempotency_key = ?",
                JdbcIdempotencyKeys::row, scope, key);
    }

    @Override
    public void insert(IdempotencyRecord record) {
        sql.defer("INSERT INTO " + keys + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", null, record.scope(), record.key(),
                record.fingerprint(), record.resultId(), record.createdAt(), record.expiresAt());
    }

    @Override
    public int deleteExpired(Instant now) {
        return sql.update("DELETE FROM " + keys + " WHERE expires_at < ?", now);
    }

    private static IdempotencyRecord row(Sql.Row row) throws SQLException {
        return new IdempotencyRecord(row.string("scope"), row.string("idempotency_key"), row.string("fingerprint"),
                row.string("result_id"), row.instant("created_at"), row.instant("expires_at"));
    }
}
