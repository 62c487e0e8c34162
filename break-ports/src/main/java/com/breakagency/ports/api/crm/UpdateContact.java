package com.breakagency.ports.api.crm;

import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.validation.EmailAddress;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Replaces a contact's editable fields, if it is still at the version the caller read.
 *
 * @param id              the contact
 * @param expectedVersion the version the caller read
 * @param brandId         the brand they work for, or null
 * @param name            1 to 200 characters
 * @param primaryEmail    their main address
 * @param otherEmails     up to 10 further addresses
 * @param title           their job title, or null
 * @param phone           their phone number, or null
 */
public record UpdateContact(
        @NotNull @Pattern(regexp = Patterns.ID) String id,
        @Positive long expectedVersion,
        @Pattern(regexp = Patterns.ID) String brandId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @EmailAddress String primaryEmail,
        @NotNull @Size(max = 10) Set<@NotBlank @EmailAddress String> otherEmails,
        @Size(max = 100) String title,
        @Pattern(regexp = Patterns.PHONE) String phone) {

    /**
     * A change to a contact as it was read: every editable field as stored, at the version read. Change
     * the fields with the withers.
     *
     * @param contact the contact as read
     * @return the command
     */
    public static UpdateContact of(Contact contact) {
        return new UpdateContact(contact.id(), contact.version(), contact.brandId().orElse(null), contact.name(),
                contact.primaryEmail(), contact.otherEmails(), contact.title().orElse(null),
                contact.phone().orElse(null));
    }

    /**
     * Another brand, or null for none. Defaults to the brand read.
     *
     * @param brand the brand's id
     * @return a copy with the brand
     */
    public UpdateContact atBrand(String brand) {
        return new UpdateContact(id, expectedVersion, brand, name, primaryEmail, otherEmails, title, phone);
    }

    /**
     * Another name. Defaults to the name read.
     *
     * @param newName 1 to 200 characters
     * @return a copy with the name
     */
    public UpdateContact withName(String newName) {
        return new UpdateContact(id, expectedVersion, brandId, newName, primaryEmail, otherEmails, title, phone);
    }

    /**
     * Another main address. Defaults to the address read.
     *
     * @param address the address
     * @return a copy with the address
     */
    public UpdateContact withPrimaryEmail(String address) {
        return new UpdateContact(id, expectedVersion, brandId, name, address, otherEmails, title, phone);
    }

    /**
     * Other further addresses, replacing the ones read. Defaults to the addresses read.
     *
     * @param addresses the addresses; duplicates count once
     * @return a copy with the addresses
     */
    public UpdateContact withOtherEmails(String... addresses) {
        return new UpdateContact(id, expectedVersion, brandId, name, primaryEmail,
                Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(addresses))), title, phone);
    }

    /**
     * Another job title, or null for none. Defaults to the title read.
     *
     * @param jobTitle up to 100 characters
     * @return a copy with the title
     */
    public UpdateContact withTitle(String jobTitle) {
        return new UpdateContact(id, expectedVersion, brandId, name, primaryEmail, otherEmails, jobTitle, phone);
    }

    /**
     * Another phone number, or null for none. Defaults to the number read.
     *
     * @param number the number
     * @return a copy with the number
     */
    public UpdateContact withPhone(String number) {
        return new UpdateContact(id, expectedVersion, brandId, name, primaryEmail, otherEmails, title, number);
    }

    /**
     * A change to a contact by id and the version read, with every editable field to be given by the
     * withers. Defaults to no brand, no other addresses, no title and no phone number; the name and main
     * address must be set.
     *
     * @param id              the contact
     * @param expectedVersion the version read
     * @return the command
     */
    public static UpdateContact of(String id, long expectedVersion) {
        return new UpdateContact(id, expectedVersion, null, null, null, Set.of(), null, null);
    }

    /**
     * As {@link #withOtherEmails(String...)}, from a set.
     *
     * @param values the addresses
     * @return a copy with them
     */
    public UpdateContact withOtherEmails(Set<String> values) {
        return new UpdateContact(id, expectedVersion, brandId, name, primaryEmail, values, title, phone);
    }
}
