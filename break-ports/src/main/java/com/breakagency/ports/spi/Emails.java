package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.mail.Email;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The emails mail syncs stored, their links to contacts and brands, and their participants. Every method
 * takes part in the calling thread's unit of work; store failures are thrown as {@link BreakException}
 * PERSISTENCE_UNAVAILABLE. Contract: {@code MailStoresContract} in break-testkit.
 */
public interface Emails {

    /**
     * Stores an email.
     *
     * @param email the email, not deleted
     * @throws BreakException CONFLICT/ALREADY_EXISTS (field {@code providerMessageId}) if the connection has an
     *                        email with that provider message id (a unique constraint), or (field {@code id})
     *                        if the id is taken
     */
    void insert(Email email);

    /**
     * Which of some provider message ids the connection has stored.
     *
     * @param connectionId       the connection
     * @param providerMessageIds the ids, at most 500
     * @return those stored
     */
    Set<String> existing(String connectionId, Collection<String> providerMessageIds);

    /**
     * Reads an email by its provider message id.
     *
     * @param connectionId      the connection
     * @param providerMessageId the provider's id
     * @return the email, if stored
     */
    Optional<Email> find(String connectionId, String providerMessageId);

    /**
     * Reads an email by Break's id.
     *
     * @param id the id
     * @return the email, if stored
     */
    Optional<Email> findById(String id);

    /**
     * Marks an email deleted.
     *
     * @param connectionId      the connection
     * @param providerMessageId the provider's id
     * @param at                now
     * @return true if an email that was not deleted is now
     */
    boolean markDeleted(String connectionId, String providerMessageId, Instant at);

    /**
     * One keyset page of a connection's emails, in ascending id order.
     *
     * @param connectionId the connection
     * @param afterId      the last id of the previous page, or empty
     * @param limit        1 or more
     * @return the emails
     */
    List<Email> list(String connectionId, Optional<String> afterId, int limit);

    /**
     * How many emails a connection has stored, deleted ones included.
     *
     * @param connectionId the connection
     * @return the count
     */
    long count(String connectionId);

    /**
     * Links an email to a contact or brand, once.
     *
     * @param emailId the email
     * @param subject the contact or brand
     * @return true if the link is new
     */
    boolean link(String emailId, EntityRef subject);

    /**
     * The contacts and brands an email is linked to.
     *
     * @param emailId the email
     * @return the links
     */
    Set<EntityRef> links(String emailId);

    /**
     * The ids of a connection's emails with a participant address (sender, To or Cc), ascending.
     *
     * @param connectionId the connection
     * @param address      the normalized address
     * @param afterId      the last id of the previous page, or empty
     * @param limit        1 or more
     * @return the email ids
     */
    List<String> withParticipant(String connectionId, String address, Optional<String> afterId, int limit);

    /**
     * The distinct participant addresses of a connection's emails that are linked to no contact yet:
     * what a relink looks up.
     *
     * @param connectionId the connection
     * @param afterAddress the last address of the previous page, or empty
     * @param limit        1 or more
     * @return the addresses, ascending
     */
    List<String> unlinkedParticipants(String connectionId, Optional<String> afterAddress, int limit);

    /**
     * Marks a participant address of a connection as linked to a contact, so relinks stop looking it up.
     *
     * @param connectionId the connection
     * @param address      the normalized address
     */
    void participantLinked(String connectionId, String address);

    /**
     * Records the participant addresses of a stored email (the sync excluded the mailbox owner's).
     *
     * @param connectionId the connection
     * @param emailId      the email
     * @param addresses    normalized addresses
     * @param linked       those already linked to a contact
     */
    void addParticipants(String connectionId, String emailId, Set<String> addresses, Set<String> linked);
}
