package com.breakagency.ports.model.crm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person at a brand (or on their own).
 *
 * @param id           Break's id
 * @param brandId      the brand they work for, if any
 * @param name         their name
 * @param primaryEmail their main address, normalized ({@link Normalize#email}); unique across contacts
 * @param otherEmails  further addresses, normalized; each unique across all contacts' addresses
 * @param title        their job title, if known
 * @param phone        their phone number, if known
 * @param archived     whether archived
 * @param version      optimistic-locking version
 * @param createdAt    when created
 * @param updatedAt    when last changed
 */
public record Contact(String id, Optional<String> brandId, String name, String primaryEmail, Set<String> otherEmails,
                      Optional<String> title, Optional<String> phone, boolean archived, long version,
                      Instant createdAt, Instant updatedAt) {

    /**
     * Checks presence and copies.
     *
     * @param id Break's id
     * @param brandId the brand they work for, if any
     * @param name their name
     * @param primaryEmail their main address, normalized ({@link Normalize#email}); unique across contacts
     * @param otherEmails further addresses, normalized; each unique across all contacts' addresses
     * @param title their job title, if known
     * @param phone their phone number, if known
     * @param archived whether archived
     * @param version optimistic-locking version
     * @param createdAt when created
     * @param updatedAt when last changed
     */
    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(brandId, "brandId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(primaryEmail, "primaryEmail");
        otherEmails = Set.copyOf(Objects.requireNonNull(otherEmails, "otherEmails"));
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * Every address of the contact: the primary one and the others.
     *
     * @return the addresses
     */
    public Set<String> allEmails() {
        java.util.Set<String> all = new java.util.TreeSet<>(otherEmails);
        all.add(primaryEmail);
        return Set.copyOf(all);
    }

    /**
     * This contact with another brand, or none; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param brandId the new value
     * @return a copy with that brandId
     */
    public Contact withBrandId(Optional<String> brandId) {
        return new Contact(id, brandId, name, primaryEmail, otherEmails, title, phone, archived, version, createdAt, updatedAt);
    }

    /**
     * This contact with another name; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param name the new value
     * @return a copy with that name
     */
    public Contact withName(String name) {
        return new Contact(id, brandId, name, primaryEmail, otherEmails, title, phone, archived, version, createdAt, updatedAt);
    }

    /**
     * This contact with another primary address (normalized by the caller); the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param primaryEmail the new value
     * @return a copy with that primaryEmail
     */
    public Contact withPrimaryEmail(String primaryEmail) {
        return new Contact(id, brandId, name, primaryEmail, otherEmails, title, phone, archived, version, createdAt, updatedAt);
    }

    /**
     * This contact with other further addresses; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param otherEmails the new value
     * @return a copy with that otherEmails
     */
    public Contact withOtherEmails(Set<String> otherEmails) {
        return new Contact(id, brandId, name, primaryEmail, otherEmails, title, phone, archived, version, createdAt, updatedAt);
    }

    /**
     * This contact with another job title; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param title the new value
     * @return a copy with that title
     */
    public Contact withTitle(Optional<String> title) {
        return new Contact(id, brandId, name, primaryEmail, otherEmails, title, phone, archived, version, createdAt, updatedAt);
    }

    /**
     * This contact with another phone number; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param phone the new value
     * @return a copy with that phone
     */
    public Contact withPhone(Optional<String> phone) {
        return new Contact(id, brandId, name, primaryEmail, otherEmails, title, phone, archived, version, createdAt, updatedAt);
    }

    /**
     * This contact with another archived flag; the version and the last-change instant stay as they are (see {@link #next}).
     *
     * @param archived the new value
     * @return a copy with that archived
     */
    public Contact withArchived(boolean archived) {
        return new Contact(id, brandId, name, primaryEmail, otherEmails, title, phone, archived, version, createdAt, updatedAt);
    }

    /**
     * The next stored version of this contact: the same values, the version one higher (for optimistic
     * locking) and changed at the given instant. Every change a use case stores goes through here, so a
     * version is bumped once per stored change.
     *
     * @param updatedAt when the change is made, from Break's clock
     * @return the copy to store
     */
    public Contact next(Instant updatedAt) {
        return new Contact(id, brandId, name, primaryEmail, otherEmails, title, phone, archived, version + 1, createdAt, updatedAt);
    }
}
