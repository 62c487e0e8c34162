package com.breakagency.ports.api.crm;

import com.breakagency.ports.validation.EmailAddress;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Creates a contact.
 *
 * @param brandId      the brand they work for, or null
 * @param name         1 to 200 characters
 * @param primaryEmail their main address; unique across contacts (case and surrounding space ignored)
 * @param otherEmails  up to 10 further addresses, each unique across contacts
 * @param title        their job title, or null
 * @param phone        their phone number, or null
 */
public record CreateContact(
        @Pattern(regexp = Patterns.ID) String brandId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @EmailAddress String primaryEmail,
        @NotNull @Size(max = 10) Set<@NotBlank @EmailAddress String> otherEmails,
        @Size(max = 100) String title,
        @Pattern(regexp = Patterns.PHONE) String phone) {

    /**
     * A contact with a name and a main address. Defaults to no brand, no other addresses, no title and no
     * phone number.
     *
     * @param name         the name
     * @param primaryEmail their main address
     * @return the command
     */
    public static CreateContact of(String name, String primaryEmail) {
        return new CreateContact(null, name, primaryEmail, Set.of(), null, null);
    }

    /**
     * The brand they work for. Defaults to none.
     *
     * @param brand the brand's id
     * @return a copy with the brand
     */
    public CreateContact atBrand(String brand) {
        return new CreateContact(brand, name, primaryEmail, otherEmails, title, phone);
    }

    /**
     * Further addresses. Defaults to none.
     *
     * @param addresses the addresses; duplicates count once
     * @return a copy with the addresses
     */
    public CreateContact withOtherEmails(String... addresses) {
        return new CreateContact(brandId, name, primaryEmail,
                Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(addresses))), title, phone);
    }

    /**
     * Their job title. Defaults to none.
     *
     * @param jobTitle up to 100 characters
     * @return a copy with the title
     */
    public CreateContact withTitle(String jobTitle) {
        return new CreateContact(brandId, name, primaryEmail, otherEmails, jobTitle, phone);
    }

    /**
     * Their phone number. Defaults to none.
     *
     * @param number the number
     * @return a copy with the number
     */
    public CreateContact withPhone(String number) {
        return new CreateContact(brandId, name, primaryEmail, otherEmails, title, number);
    }

    /**
     * As {@link #withOtherEmails(String...)}, from a set.
     *
     * @param values the addresses
     * @return a copy with them
     */
    public CreateContact withOtherEmails(Set<String> values) {
        return new CreateContact(brandId, name, primaryEmail, values, title, phone);
    }
}
