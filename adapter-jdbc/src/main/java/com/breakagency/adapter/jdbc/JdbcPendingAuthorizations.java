package com.breakagency.adapter.jdbc;

import com.breakagency.ports.model.integration.PendingAuthorization;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.PendingAuthorizations;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link PendingAuthorizations} in table {@code pending_authorizations}, keyed by the state's hash (the
 * state itself is never stored); the PKCE verifier is a binary column holding the UTF-8 bytes of its
 * ciphertext.
 *
 * <ul>
 *   <li>One flow per state hash is the primary key {@code pending_authorizations_pk}
 *       (CONFLICT/ALREADY_EXISTS, field {@code stateHash}).</li>
 *   <li>{@link #take(String)} is one statement that deletes the row and returns it (the dialect's
 *       {@link Dialect#deleteReturning}): of units of work that take one hash at once, the first deletes
 *       it and the others wait for its row lock, then find nothing; a rollback puts the row back.</li>
 *   <li>{@link #deleteExpired(Instant)} uses {@code pending_authorizations_expires_idx}.</li>
 * </ul>
 * Thread-safe.
 */
final class JdbcPendingAuthorizations implements PendingAuthorizations {

    /** The unique constraints of the table, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "pending_authorizations_pk", new SqlFailures.UniqueKey("pending authorization", "stateHash"));

    private static final String COLUMNS = "state_hash, user_id, provider, redirect_uri, code_verifier, created_at,"
            + " expires_at";

    private final Sql sql;
    private final String pending;
    private final String takeSql;

    JdbcPendingAuthorizations(Sql sql, Dialect dialect) {
        this.sql = sql;
        this.pending = sql.table("pending_authorizations");
        this.takeSql = dialect.deleteReturning(pending, COLUMNS, "state_hash = ?");
    }

    @Override
    public void insert(PendingAuthorization flow) {
        sql.update("INSERT INTO " + pending + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", flow.stateHash(),
                flow.userId(), flow.provider(), flow.redirectUri(), JdbcConnections.sealed(flow.codeVerifier()),
                flow.createdAt(), flow.expiresAt());
    }

    @Override
    public Optional<PendingAuthorization> take(String stateHash) {
        List<PendingAuthorization> taken = sql.list(takeSql, JdbcPendingAuthorizations::row, stateHash);
        if (taken.size() > 1) {
            throw new IllegalStateException("a state hash is a primary key, yet " + taken.size() + " rows were taken");
        }
        return taken.isEmpty() ? Optional.empty() : Optional.of(taken.get(0));
    }

    @Override
    public int deleteExpired(Instant now) {
        return sql.update("DELETE FROM " + pending + " WHERE expires_at < ?", now);
    }

    private static PendingAuthorization row(Sql.Row row) throws SQLException {
        return new PendingAuthorization(row.string("state_hash"), row.string("user_id"),
                row.enumValue("provider", Provider.class), row.string("redirect_uri"),
                JdbcConnections.ciphertext(row.optionalBytes("code_verifier").orElseThrow()),
                row.instant("created_at"), row.instant("expires_at"));
    }
}
