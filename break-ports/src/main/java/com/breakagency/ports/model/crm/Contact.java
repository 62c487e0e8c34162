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

    /** Checks presence and copies. */
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
}
