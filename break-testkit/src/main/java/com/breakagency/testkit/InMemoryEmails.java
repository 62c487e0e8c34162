package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.mail.Email;
import com.breakagency.ports.spi.Emails;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link Emails} in memory, with the (connection, provider message id) uniqueness a unique constraint would
 * give, links kept once per (email, subject), and the participants of each connection. Thread-safe.
 */
public final class InMemoryEmails implements Emails {

    private static final String ENTITY = "email";

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, Email> byId;
    private final TransactionalMap<String, String> byMessage;
    private final TransactionalMap<String, Set<EntityRef>> links;
    private final TransactionalMap<String, Participant> participants;

    /** A participant address of a connection: the emails it is on, and whether a contact is linked. */
    private record Participant(String connectionId, String address, Set<String> emailIds, boolean linked) {
    }

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryEmails(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byId = new TransactionalMap<>(transactions);
        this.byMessage = new TransactionalMap<>(transactions);
        this.links = new TransactionalMap<>(transactions);
        this.participants = new TransactionalMap<>(transactions);
    }

    private static String key(String connectionId, String messageId) {
        return connectionId + "\u0000" + messageId;
    }

    @Override
    public void insert(Email email) {
        transactions.inTransaction(() -> {
            if (byMessage.get(key(email.connectionId(), email.providerMessageId())).isPresent()) {
                throw BreakException.alreadyExists(ENTITY, "providerMessageId");
            }
            if (!byId.putIfAbsent(email.id(), email)) {
                throw BreakException.alreadyExists(ENTITY, "id");
            }
            byMessage.put(key(email.connectionId(), email.providerMessageId()), email.id());
            return null;
        });
    }

    @Override
    public Set<String> existing(String connectionId, Collection<String> providerMessageIds) {
        Set<String> found = new HashSet<>();
        for (String id : providerMessageIds) {
            if (byMessage.get(key(connectionId, id)).isPresent()) {
                found.add(id);
            }
        }
        return found;
    }

    @Override
    public Optional<Email> find(String connectionId, String providerMessageId) {
        return byMessage.get(key(connectionId, providerMessageId)).flatMap(byId::get);
    }

    @Override
    public Optional<Email> findById(String id) {
        return byId.get(id);
    }

    @Override
    public boolean markDeleted(String connectionId, String providerMessageId, Instant at) {
        return transactions.inTransaction(() -> {
            Optional<Email> email = find(connectionId, providerMessageId);
            if (email.isEmpty() || email.get().deleted()) {
                return false;
            }
            Email e = email.get();
            byId.put(e.id(), new Email(e.id(), e.connectionId(), e.providerMessageId(), e.threadId(), e.from(), e.to(),
                    e.cc(), e.subject(), e.snippet(), e.sentAt(), e.labels(), true, e.storedAt()));
            return true;
        });
    }

    @Override
    public List<Email> list(String connectionId, Optional<String> afterId, int limit) {
        return Keyset.ascendingAfter(byId.values(e -> e.connectionId().equals(connectionId)), Email::id, afterId, limit);
    }

    @Override
    public long count(String connectionId) {
        return byId.values(e -> e.connectionId().equals(connectionId)).size();
    }

    @Override
    public boolean link(String emailId, EntityRef subject) {
        return transactions.inTransaction(() -> {
            Set<EntityRef> current = links.get(emailId).orElse(Set.of());
            if (current.contains(subject)) {
                return false;
            }
            Set<EntityRef> next = new HashSet<>(current);
            next.add(subject);
            links.put(emailId, Set.copyOf(next));
            return true;
        });
    }

    @Override
    public Set<EntityRef> links(String emailId) {
        return links.get(emailId).orElse(Set.of());
    }

    @Override
    public List<String> withParticipant(String connectionId, String address, Optional<String> afterId, int limit) {
        List<String> ids = participants.get(key(connectionId, address))
                .map(p -> List.copyOf(new TreeSet<>(p.emailIds()))).orElse(List.of());
        return Keyset.ascendingAfter(ids, id -> id, afterId, limit);
    }

    @Override
    public List<String> unlinkedParticipants(String connectionId, Optional<String> afterAddress, int limit) {
        List<String> addresses = participants.values(p -> p.connectionId().equals(connectionId) && !p.linked())
                .stream().map(Participant::address).sorted(Comparator.naturalOrder()).toList();
        return Keyset.ascendingAfter(addresses, a -> a, afterAddress, limit);
    }

    @Override
    public void participantLinked(String connectionId, String address) {
        transactions.inTransaction(() -> {
            participants.get(key(connectionId, address)).ifPresent(p -> participants.put(key(connectionId, address),
                    new Participant(connectionId, address, p.emailIds(), true)));
            return null;
        });
    }

    @Override
    public void addParticipants(String connectionId, String emailId, Set<String> addresses, Set<String> linked) {
        transactions.inTransaction(() -> {
            for (String address : addresses) {
                Optional<Participant> current = participants.get(key(connectionId, address));
                Set<String> ids = new HashSet<>(current.map(Participant::emailIds).orElse(Set.of()));
                ids.add(emailId);
                boolean isLinked = current.map(Participant::linked).orElse(false) || linked.contains(address);
                participants.put(key(connectionId, address),
                        new Participant(connectionId, address, Set.copyOf(ids), isLinked));
            }
            return null;
        });
    }
}
