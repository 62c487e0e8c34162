package com.breakagency.ports.model.mail;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One email as a mail sync stored it: its metadata, never its body. One per (connection, provider message
 * id): a store constraint. Addresses are normalized (lower case, trimmed). {@link #toString()} names no
 * address and no subject.
 *
 * @param id                Break's id (time-ordered)
 * @param connectionId      the connection it was synced through
 * @param providerMessageId the provider's message id
 * @param threadId          the provider's thread id
 * @param from              the sender's address, if it had one
 * @param to                the To addresses
 * @param cc                the Cc addresses
 * @param subject           the subject, possibly empty
 * @param snippet           the provider's short plain-text snippet, possibly empty
 * @param sentAt            when it was sent (the provider's internal date)
 * @param labels            the provider's labels
 * @param deleted           whether it was deleted from the mailbox since
 * @param storedAt          when it was stored
 */
public record Email(String id, String connectionId, String providerMessageId, String threadId, Optional<String> from,
                    Set<String> to, Set<String> cc, String subject, String snippet, Instant sentAt, Set<String> labels,
                    boolean deleted, Instant storedAt) {

    /**
     * Checks presence and copies the sets.
     *
     * @param id Break's id
     * @param connectionId the connection
     * @param providerMessageId the provider's message id
     * @param threadId the provider's thread id
     * @param from the sender's address
     * @param to the To addresses
     * @param cc the Cc addresses
     * @param subject the subject
     * @param snippet the snippet
     * @param sentAt when it was sent
     * @param labels the labels
     * @param deleted whether deleted
     * @param storedAt when stored
     * @throws NullPointerException naming the component, if one is null
     */
    public Email {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(from, "from");
        to = Set.copyOf(Objects.requireNonNull(to, "to"));
        cc = Set.copyOf(Objects.requireNonNull(cc, "cc"));
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(snippet, "snippet");
        Objects.requireNonNull(sentAt, "sentAt");
        labels = Set.copyOf(Objects.requireNonNull(labels, "labels"));
        Objects.requireNonNull(storedAt, "storedAt");
    }

    /**
     * Every participant: the sender, the To and the Cc addresses.
     *
     * @return the addresses
     */
    public Set<String> participants() {
        Set<String> all = new LinkedHashSet<>();
        from.ifPresent(all::add);
        all.addAll(to);
        all.addAll(cc);
        return all;
    }

    @Override
    public String toString() {
        return "Email[id=" + id + ", connectionId=" + connectionId + ", providerMessageId=" + providerMessageId
                + ", deleted=" + deleted + "]";
    }
}
