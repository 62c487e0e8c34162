package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.integration.Ciphertext;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionError;
import com.breakagency.ports.model.integration.ConnectionStatus;
import com.breakagency.ports.model.integration.ConnectionTokens;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.Connections;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@link Connections} in table {@code connections}; the scopes are JSON text, sorted, and the last error
 * is five columns ({@code last_error_code} is NULL when there is none).
 *
 * <ul>
 *   <li>Tokens are kept only sealed: {@code access_token} and {@code refresh_token} are binary columns
 *       holding the UTF-8 bytes of the {@link Ciphertext} exactly as the cipher made it; both are NULL
 *       when the connection holds no tokens.</li>
 *   <li>One connection per (owner, provider, address) is the constraint {@code connections_account_uq}
 *       (CONFLICT/ALREADY_EXISTS, field {@code accountAddress}).</li>
 *   <li>{@link #lockForRefresh(String)} is {@code SELECT ... FOR UPDATE}: the row lock is held to the end of
 *       the unit of work, and a unit of work that waited for it reads the row as the holder committed it
 *       (READ COMMITTED), so one refresh at a time runs, on any number of instances.</li>
 * </ul>
 * Thread-safe.
 */
final class JdbcConnections implements Connections {

    /** The unique constraints of the table, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "connections_pk", new SqlFailures.UniqueKey("connection", "id"),
            "connections_account_uq", new SqlFailures.UniqueKey("connection", "accountAddress"));

    private static final String COLUMNS = "id, owner_user_id, provider, account_address, scopes, status,"
            + " access_token, refresh_token, access_token_expires_at, last_refresh_at, last_refresh_failure_at,"
            + " consecutive_transient_failures, next_refresh_attempt_at, last_error_code, last_error_reason,"
            + " last_error_message, last_error_at, last_error_transient, version, created_at, updated_at";

    private final Sql sql;
    private final String connections;

    JdbcConnections(Sql sql) {
        this.sql = sql;
        this.connections = sql.table("connections");
    }

    @Override
    public void insert(Connection connection) {
        sql.update("INSERT INTO " + connections + " (" + COLUMNS + ") VALUES (" + Sql.placeholders(21) + ")",
                connection.id(), connection.ownerUserId(), connection.provider(), connection.accountAddress(),
                scopes(connection), connection.status(), accessToken(connection), refreshToken(connection),
                connection.accessTokenExpiresAt().orElse(null), connection.lastRefreshAt().orElse(null),
                connection.lastRefreshFailureAt().orElse(null), connection.consecutiveTransientFailures(),
                connection.nextRefreshAttemptAt().orElse(null), errorCode(connection), errorReason(connection),
                errorMessage(connection), errorAt(connection), errorTransient(connection), connection.version(),
                connection.createdAt(), connection.updatedAt());
    }

    @Override
    public void update(Connection connection) {
        sql.transactions().inTransaction(() -> {
            int updated = sql.update("UPDATE " + connections + " SET scopes = ?, status = ?, access_token = ?,"
                            + " refresh_token = ?, access_token_expires_at = ?, last_refresh_at = ?,"
                            + " last_refresh_failure_at = ?, consecutive_transient_failures = ?,"
                            + " next_refresh_attempt_at = ?, last_error_code = ?, last_error_reason = ?,"
                            + " last_error_message = ?, last_error_at = ?, last_error_transient = ?, version = ?,"
                            + " created_at = ?, updated_at = ? WHERE id = ? AND version = ?",
                    scopes(connection), connection.status(), accessToken(connection), refreshToken(connection),
                    connection.accessTokenExpiresAt().orElse(null), connection.lastRefreshAt().orElse(null),
                    connection.lastRefreshFailureAt().orElse(null), connection.consecutiveTransientFailures(),
                    connection.nextRefreshAttemptAt().orElse(null), errorCode(connection), errorReason(connection),
                    errorMessage(connection), errorAt(connection), errorTransient(connection), connection.version(),
                    connection.createdAt(), connection.updatedAt(), connection.id(), connection.version() - 1);
            if (updated == 0) {
                throw sql.exists("SELECT 1 FROM " + connections + " WHERE id = ?", connection.id())
                        ? BreakException.versionMismatch("connection", connection.id())
                        : BreakException.notFound("connection", connection.id());
            }
            return null;
        });
    }

    @Override
    public Optional<Connection> find(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM " + connections + " WHERE id = ?", JdbcConnections::row, id);
    }

    @Override
    public Optional<Connection> lockForRefresh(String id) {
        if (!sql.transactions().isActive()) {
            throw new IllegalStateException("call lockForRefresh inside a unit of work: its lock lasts until the"
                    + " unit ends");
        }
        return sql.one("SELECT " + COLUMNS + " FROM " + connections + " WHERE id = ? FOR UPDATE",
                JdbcConnections::row, id);
    }

    @Override
    public Optional<Connection> findByAccount(String ownerUserId, Provider provider, String accountAddress) {
        return sql.one("SELECT " + COLUMNS + " FROM " + connections
                        + " WHERE owner_user_id = ? AND provider = ? AND account_address = ?",
                JdbcConnections::row, ownerUserId, provider, accountAddress);
    }

    @Override
    public List<Connection> list(Optional<String> ownerUserId, Optional<Provider> provider,
                                 Optional<ConnectionStatus> status, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .andIf(ownerUserId, "owner_user_id = ?")
                .andIf(provider, "provider = ?")
                .andIf(status, "status = ?")
                .andIf(afterId, "id > ?");
        return sql.list("SELECT " + COLUMNS + " FROM " + connections + where.sql()
                + " ORDER BY id FETCH FIRST ? ROWS ONLY", JdbcConnections::row, where.params(limit));
    }

    @Override
    public Map<Provider, Map<ConnectionStatus, Long>> counts() {
        Map<Provider, Map<ConnectionStatus, Long>> counts = new EnumMap<>(Provider.class);
        sql.list("SELECT provider, status, COUNT(*) AS n FROM " + connections + " GROUP BY provider, status", row -> {
            counts.computeIfAbsent(row.enumValue("provider", Provider.class), p -> new EnumMap<>(ConnectionStatus.class))
                    .put(row.enumValue("status", ConnectionStatus.class), row.longValue("n"));
            return null;
        });
        return counts;
    }

    private static String scopes(Connection connection) {
        return JsonText.strings(new TreeSet<>(connection.scopes()));
    }

    private static byte[] accessToken(Connection connection) {
        return connection.tokens().map(tokens -> sealed(tokens.accessToken())).orElse(null);
    }

    private static byte[] refreshToken(Connection connection) {
        return connection.tokens().flatMap(ConnectionTokens::refreshToken).map(JdbcConnections::sealed).orElse(null);
    }

    /** A ciphertext as the bytes a binary column keeps: its text, UTF-8. */
    static byte[] sealed(Ciphertext ciphertext) {
        return ciphertext.text().getBytes(StandardCharsets.UTF_8);
    }

    /** A ciphertext from the bytes of a binary column. */
    static Ciphertext ciphertext(byte[] bytes) {
        return new Ciphertext(new String(bytes, StandardCharsets.UTF_8));
    }

    private static String errorCode(Connection connection) {
        return connection.lastError().map(ConnectionError::code).orElse(null);
    }

    private static String errorReason(Connection connection) {
        return connection.lastError().map(ConnectionError::reason).orElse(null);
    }

    private static String errorMessage(Connection connection) {
        return connection.lastError().map(ConnectionError::message).orElse(null);
    }

    private static Instant errorAt(Connection connection) {
        return connection.lastError().map(ConnectionError::at).orElse(null);
    }

    private static Boolean errorTransient(Connection connection) {
        return connection.lastError().map(ConnectionError::transientFailure).orElse(null);
    }

    private static Connection row(Sql.Row row) throws SQLException {
        Optional<Ciphertext> access = row.optionalBytes("access_token").map(JdbcConnections::ciphertext);
        Optional<Ciphertext> refresh = row.optionalBytes("refresh_token").map(JdbcConnections::ciphertext);
        Optional<ConnectionTokens> tokens = access.map(a -> new ConnectionTokens(a, refresh));
        Optional<ConnectionError> lastError = Optional.empty();
        Optional<String> code = row.optionalString("last_error_code");
        if (code.isPresent()) {
            lastError = Optional.of(new ConnectionError(code.get(), row.string("last_error_reason"),
                    row.string("last_error_message"), row.instant("last_error_at"), row.bool("last_error_transient")));
        }
        return new Connection(row.string("id"), row.string("owner_user_id"), row.enumValue("provider", Provider.class),
                row.string("account_address"), new LinkedHashSet<>(JsonText.parseStrings(row.string("scopes"))),
                row.enumValue("status", ConnectionStatus.class), tokens, row.optionalInstant("access_token_expires_at"),
                row.optionalInstant("last_refresh_at"), row.optionalInstant("last_refresh_failure_at"),
                row.intValue("consecutive_transient_failures"), row.optionalInstant("next_refresh_attempt_at"),
                lastError, row.instant("created_at"), row.instant("updated_at"), row.longValue("version"));
    }
}
