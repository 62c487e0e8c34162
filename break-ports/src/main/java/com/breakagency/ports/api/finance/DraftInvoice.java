package com.breakagency.ports.api.finance;

import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Drafts a deal's invoice: one line, the deal's title and value. Drafting happens on its own when a deal
 * enters PAYMENT_PENDING; this is for drafting earlier. One invoice per deal.
 *
 * @param dealId the deal
 */
public record DraftInvoice(@NotNull @Pattern(regexp = Patterns.ID) String dealId) {
}
