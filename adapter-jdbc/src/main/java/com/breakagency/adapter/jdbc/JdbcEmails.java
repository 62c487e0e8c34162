package com.breakagency.adapter.jdbc;

import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.mail.Email;
import com.breakagency.ports.spi.Emails;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Emails} in tables {@code emails}, {@code email_links}, {@code email_participants} and
 * {@code mail_participants}. One email per (connection, provider message id) is the constraint
 * {@code emails_message_uq} (CONFLICT/ALREADY_EXISTS, field {@code providerMessageId}); addresses and labels
 * are JSON text. Thread-safe.
 */
final class JdbcEmails implements Emails {

    /** The unique constraints of the tables, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "emails_pk", new SqlFailures.UniqueKey("email", "id"),
            "emails_message_uq", new SqlFailures.UniqueKey("email", "providerMessageId"),
            "email_links_pk", new SqlFailures.UniqueKey("emailLink", "subject"),
            "email_participants_pk", new SqlFailures.UniqueKey("emailParticipant", "address"),
            "mail_participants_pk", new SqlFailures.UniqueKey("mailParticipant", "address"));

    private static final String COLUMNS = "id, connection_id, provider_message_id, thread_id, from_address,"
            + " to_addresses, cc_addresses, subject, snippet, sent_at, labels, deleted, stored_at";
    private static final int IN_CHUNK = 500;

    private final Sql sql;
    private final String emails;
    private final String links;
    private final String participants;
    private final String addresses;

    JdbcEmails(Sql sql) {
        this.sql = sql;
        this.emails = sql.table("emails");
        this.links = sql.table("email_links");
        this.participants = sql.table("email_participants");
        this.addresses = sql.table("mail_participants");
    }

    @Override
    public void insert(Email e) {
        sql.update("INSERT INTO " + emails + " (" + COLUMNS + ") VALUES (" + Sql.placeholders(13) + ")", e.id(),
                e.connectionId(), e.providerMessageId(), e.threadId(), e.from().orElse(null),
                JsonText.strings(sorted(e.to())), JsonText.strings(sorted(e.cc())), e.subject(), e.snippet(),
                e.sentAt(), JsonText.strings(sorted(e.labels())), e.deleted(), e.storedAt());
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    @Override
    public Set<String> existing(String connectionId, Collection<String> providerMessageIds) {
        Set<String> found = new HashSet<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(providerMessageIds));
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            Where where = new Where().and("connection_id = ?", connectionId).andIn("provider_message_id", chunk);
            found.addAll(sql.list("SELECT provider_message_id FROM " + emails + where.sql(),
                    row -> row.string("provider_message_id"), where.params()));
        }
        return found;
    }

    @Override
    public Optional<Email> find(String connectionId, String providerMessageId) {
        return sql.one("SELECT " + COLUMNS + " FROM " + emails + " WHERE connection_id = ? AND provider_message_id = ?",
                JdbcEmails::row, connectionId, providerMessageId);
    }

    @Override
    public Optional<Email> findById(String id) {
        return sql.one("SELECT " + COLUMNS + " FROM " + emails + " WHERE id = ?", JdbcEmails::row, id);
    }

    @Override
    public boolean markDeleted(String connectionId, String providerMessageId, Instant at) {
        return sql.update("UPDATE " + emails + " SET deleted = ? WHERE connection_id = ? AND provider_message_id = ?"
                + " AND deleted = ?", true, connectionId, providerMessageId, false) == 1;
    }

    @Override
    public List<Email> list(String connectionId, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where().and("connection_id = ?", connectionId).andIf(afterId, "id > ?");
        return sql.list("SELECT " + COLUMNS + " FROM " + emails + where.sql() + " ORDER BY id FETCH FIRST ? ROWS ONLY",
                JdbcEmails::row, where.params(limit));
    }

    @Override
    public long count(String connectionId) {
        return sql.one("SELECT COUNT(*) AS n FROM " + emails + " WHERE connection_id = ?", row -> row.longValue("n"),
                connectionId).orElse(0L);
    }

    @Override
    public boolean link(String emailId, EntityRef subject) {
        return sql.transactions().inTransaction(() -> {
            if (sql.exists("SELECT 1 FROM " + links + " WHERE email_id = ? AND subject_type = ? AND subject_id = ?",
                    emailId, subject.type(), subject.id())) {
                return false;
            }
            sql.update("INSERT INTO " + links + " (email_id, subject_type, subject_id) VALUES (?, ?, ?)", emailId,
                    subject.type(), subject.id());
            return true;
        });
    }

    @Override
    public Set<EntityRef> links(String emailId) {
        return new HashSet<>(sql.list("SELECT subject_type, subject_id FROM " + links + " WHERE email_id = ?",
                row -> EntityRef.of(row.enumValue("subject_type", EntityType.class), row.string("subject_id")), emailId));
    }

    @Override
    public List<String> withParticipant(String connectionId, String address, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where().and("connection_id = ?", connectionId).and("address = ?", address)
                .andIf(afterId, "email_id > ?");
        return sql.list("SELECT email_id FROM " + participants + where.sql()
                + " ORDER BY email_id FETCH FIRST ? ROWS ONLY", row -> row.string("email_id"), where.params(limit));
    }

    @Override
    public List<String> unlinkedParticipants(String connectionId, Optional<String> afterAddress, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where().and("connection_id = ?", connectionId).and("linked = ?", false)
                .andIf(afterAddress, "address > ?");
        return sql.list("SELECT address FROM " + addresses + where.sql() + " ORDER BY address FETCH FIRST ? ROWS ONLY",
                row -> row.string("address"), where.params(limit));
    }

    @Override
    public void participantLinked(String connectionId, String address) {
        sql.update("UPDATE " + addresses + " SET linked = ? WHERE connection_id = ? AND address = ?", true,
                connectionId, address);
    }

    @Override
    public void addParticipants(String connectionId, String emailId, Set<String> addressSet, Set<String> linked) {
        if (addressSet.isEmpty()) {
            return;
        }
        sql.transactions().inTransaction(() -> {
            List<String> all = List.copyOf(addressSet);
            List<List<Object>> rows = new ArrayList<>();
            for (String address : all) {
                rows.add(List.of(connectionId, address, emailId));
            }
            sql.batch("INSERT INTO " + participants + " (connection_id, address, email_id) VALUES (?, ?, ?)", rows);
            Where where = new Where().and("connection_id = ?", connectionId).andIn("address", all);
            Map<String, Boolean> known = new java.util.HashMap<>();
            sql.list("SELECT address, linked FROM " + addresses + where.sql(), row -> {
                known.put(row.string("address"), row.bool("linked"));
                return null;
            }, where.params());
            List<List<Object>> inserts = new ArrayList<>();
            for (String address : all) {
                Boolean was = known.get(address);
                if (was == null) {
                    inserts.add(List.of(connectionId, address, linked.contains(address)));
                } else if (!was && linked.contains(address)) {
                    participantLinked(connectionId, address);
                }
            }
            sql.batch("INSERT INTO " + addresses + " (connection_id, address, linked) VALUES (?, ?, ?)", inserts);
            return null;
        });
    }

    private static Email row(Sql.Row row) throws SQLException {
        return new Email(row.string("id"), row.string("connection_id"), row.string("provider_message_id"),
                row.string("thread_id"), row.optionalString("from_address"),
                new LinkedHashSet<>(JsonText.parseStrings(row.string("to_addresses"))),
                new LinkedHashSet<>(JsonText.parseStrings(row.string("cc_addresses"))), row.string("subject"),
                row.string("snippet"), row.instant("sent_at"),
                new LinkedHashSet<>(JsonText.parseStrings(row.string("labels"))), row.bool("deleted"),
                row.instant("stored_at"));
    }
}
