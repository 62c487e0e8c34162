package com.breakagency.ports.api.crm;

import com.breakagency.ports.validation.EmailAddress;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
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
}
