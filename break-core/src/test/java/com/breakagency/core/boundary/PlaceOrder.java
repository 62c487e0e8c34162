package com.breakagency.core.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A command shaped like Break's own: nested records, lists of records and of strings, emails, patterns.
 * Only the boundary tests use it.
 */
record PlaceOrder(
        @NotBlank @Size(max = 40) String title,
        @NotBlank @Email @Size(max = 10) String contactEmail,
        @NotNull @Pattern(regexp = "([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}") String brandDomain,
        @Pattern(regexp = "PO-[0-9]{4}") String reference,
        @NotNull @Size(min = 1, max = 5) List<@NotNull @Valid Line> lines,
        @Size(max = 3) List<@NotBlank @Size(max = 20) String> tags) {

    /** One order line. */
    record Line(@NotBlank String sku, @Positive int quantity, @PositiveOrZero long amount) {
    }

    static PlaceOrder aValidOrder() {
        return new PlaceOrder("Spring campaign", "j@b.co", "brand.com", "PO-0042",
                List.of(new Line("POST-IG", 2, 150_000)), List.of("spring", "instagram"));
    }
}
