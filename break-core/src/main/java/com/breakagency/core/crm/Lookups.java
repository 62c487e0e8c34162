package com.breakagency.core.crm;

import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The validated forms of the CRM's plain-argument queries. */
final class Lookups {

    private Lookups() {
    }

    /** A look-up by id. */
    record ById(@NotNull @Pattern(regexp = Patterns.ID) String id) {
    }

    /** A look-up by an email address or domain (normalized afterwards, so not pattern-checked). */
    record ByAddress(@NotBlank @Size(max = 320) String address) {
    }
}
