package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.spi.Contacts;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Contacts} in tables {@code contacts} and {@code contact_emails}. Every address of a contact, the
 * primary one included, is a row of {@code contact_emails}, so one unique constraint
 * ({@code contact_emails_email_uq}) keeps an address to one contact whichever role it has. Thread-safe.
 */
final class JdbcContacts implements Contacts {

    /** The unique constraints of the tables, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "contacts_pk", new SqlFailures.UniqueKey("contact", "id"),
            "contact_emails_pk", new SqlFailures.UniqueKey("contact", "emails"),
            "contact_emails_email_uq", new SqlFailures.UniqueKey("contact", "emails"));

    private static final String COLUMNS =
            "c.id, c.brand_id, c.name, c.title, c.phone, c.archived, c.version, c.created_at, c.updated_at";

    private final Sql sql;
    private final String contacts;
    private final String emails;

    JdbcContacts(Sql sql) {
        this.sql = sql;
        this.contacts = sql.table("contacts");
        this.emails = sql.table("contact_emails");
    }

    @Override
    public void insert(Contact contact) {
        sql.transactions().inTransaction(() -> {
            sql.update("INSERT INTO " + contacts + " (id, brand_id, name, name_folded, title, phone, archived, version,"
                            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    contact.id(), contact.brandId().orElse(null), contact.name(), Where.fold(contact.name()),
                    contact.title().orElse(null), contact.phone().orElse(null), contact.archived(),
                    contact.version(), contact.createdAt(), contact.updatedAt());
            insertEmails(contact);
            return null;
        });
    }

    @Override
    public void update(Contact contact) {
        sql.transactions().inTransaction(() -> {
            int updated = sql.update("UPDATE " + contacts + " SET brand_id = ?, name = ?, name_folded = ?, title = ?,"
                            + " phone = ?, archived = ?, version = ?, created_at = ?, updated_at = ?"
                            + " WHERE id = ? AND version = ?",
                    contact.brandId().orElse(null), contact.name(), Where.fold(contact.name()),
                    contact.title().orElse(null), contact.phone().orElse(null), contact.archived(),
                    contact.version(), contact.createdAt(), contact.updatedAt(), contact.id(), contact.version() - 1);
            if (updated == 0) {
                throw sql.exists("SELECT 1 FROM " + contacts + " WHERE id = ?", contact.id())
                        ? BreakException.versionMismatch("contact", contact.id())
                        : BreakException.notFound("contact", contact.id());
            }
            sql.update("DELETE FROM " + emails + " WHERE contact_id = ?", contact.id());
            insertEmails(contact);
            return null;
        });
    }

    private void insertEmails(Contact contact) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(contact.id(), contact.primaryEmail(), true));
        for (String other : contact.otherEmails()) {
            if (!other.equals(contact.primaryEmail())) {
                rows.add(List.of(contact.id(), other, false));
            }
        }
        sql.batch("INSERT INTO " + emails + " (contact_id, email, is_primary) VALUES (?, ?, ?)", rows);
    }

    @Override
    public Optional<Contact> findById(String id) {
        return sql.transactions().inTransaction(() -> withEmails(
                sql.list("SELECT " + COLUMNS + " FROM " + contacts + " c WHERE c.id = ?", JdbcContacts::row, id)))
                .stream().findFirst();
    }

    @Override
    public Optional<Contact> findByEmail(String normalizedEmail) {
        return sql.transactions().inTransaction(() -> withEmails(sql.list("SELECT " + COLUMNS + " FROM " + emails
                + " e JOIN " + contacts + " c ON c.id = e.contact_id WHERE e.email = ?", JdbcContacts::row,
                normalizedEmail))).stream().findFirst();
    }

    @Override
    public List<Contact> list(Query query, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .andIf(query.brandId(), "c.brand_id = ?")
                .andStartsWith("c.name_folded", query.namePrefix())
                .andIf(afterId, "c.id > ?");
        if (!query.includeArchived()) {
            where.and("c.archived = ?", false);
        }
        return sql.transactions().inTransaction(() -> withEmails(sql.list("SELECT " + COLUMNS + " FROM " + contacts
                + " c" + where.sql() + " ORDER BY c.id FETCH FIRST ? ROWS ONLY", JdbcContacts::row,
                where.params(limit))));
    }

    /** A contact row without its addresses yet (a placeholder primary address). */
    private static Contact row(Sql.Row row) throws SQLException {
        return new Contact(row.string("id"), row.optionalString("brand_id"), row.string("name"), "", Set.of(),
                row.optionalString("title"), row.optionalString("phone"), row.bool("archived"),
                row.longValue("version"), row.instant("created_at"), row.instant("updated_at"));
    }

    /** The contacts with their addresses, read with one more statement. */
    private List<Contact> withEmails(List<Contact> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, String> primary = new HashMap<>();
        Map<String, Set<String>> others = new HashMap<>();
        for (List<String> ids : Paging.chunks(rows.stream().map(Contact::id).toList())) {
            sql.list("SELECT contact_id, email, is_primary FROM " + emails + " WHERE contact_id IN ("
                    + Sql.placeholders(ids.size()) + ")", row -> {
                        String contactId = row.string("contact_id");
                        if (row.bool("is_primary")) {
                            primary.put(contactId, row.string("email"));
                        } else {
                            others.computeIfAbsent(contactId, k -> new HashSet<>()).add(row.string("email"));
                        }
                        return contactId;
                    }, ids);
        }
        List<Contact> out = new ArrayList<>(rows.size());
        for (Contact c : rows) {
            String primaryEmail = primary.get(c.id());
            if (primaryEmail == null) {
                throw new IllegalStateException("contact " + c.id() + " has no primary address row");
            }
            out.add(new Contact(c.id(), c.brandId(), c.name(), primaryEmail, others.getOrDefault(c.id(), Set.of()),
                    c.title(), c.phone(), c.archived(), c.version(), c.createdAt(), c.updatedAt()));
        }
        return out;
    }
}
