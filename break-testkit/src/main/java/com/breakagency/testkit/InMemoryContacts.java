package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.spi.Contacts;
import java.util.List;
import java.util.Optional;

/** {@link Contacts} in memory, with the email uniqueness a unique index would give. Thread-safe. */
public final class InMemoryContacts implements Contacts {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, Contact> byId;
    private final TransactionalMap<String, String> idByEmail;

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryContacts(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byId = new TransactionalMap<>(transactions);
        this.idByEmail = new TransactionalMap<>(transactions);
    }

    @Override
    public void insert(Contact contact) {
        transactions.inTransaction(() -> {
            if (!byId.putIfAbsent(contact.id(), contact)) {
                throw BreakException.alreadyExists("contact", "id");
            }
            claimEmails(contact);
            return null;
        });
    }

    @Override
    public void update(Contact contact) {
        transactions.inTransaction(() -> {
            Contact stored = byId.get(contact.id())
                    .orElseThrow(() -> BreakException.notFound("contact", contact.id()));
            if (stored.version() != contact.version() - 1) {
                throw BreakException.versionMismatch("contact", contact.id());
            }
            stored.allEmails().forEach(idByEmail::remove);
            claimEmails(contact);
            byId.put(contact.id(), contact);
            return null;
        });
    }

    private void claimEmails(Contact contact) {
        for (String email : contact.allEmails()) {
            if (!idByEmail.putIfAbsent(email, contact.id())) {
                throw BreakException.alreadyExists("contact", "emails");
            }
        }
    }

    @Override
    public Optional<Contact> findById(String id) {
        return byId.get(id);
    }

    @Override
    public Optional<Contact> findByEmail(String normalizedEmail) {
        return transactions.inTransaction(() -> idByEmail.get(normalizedEmail).flatMap(byId::get));
    }

    @Override
    public List<Contact> list(Query query, Optional<String> afterId, int limit) {
        List<Contact> matching = byId.values(c -> Keyset.startsWithIgnoringCase(c.name(), query.namePrefix())
                && query.brandId().map(b -> c.brandId().equals(Optional.of(b))).orElse(true)
                && (query.includeArchived() || !c.archived()));
        return Keyset.ascendingAfter(matching, Contact::id, afterId, limit);
    }
}
