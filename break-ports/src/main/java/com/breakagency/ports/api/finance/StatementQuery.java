package com.breakagency.ports.api.finance;

import com.breakagency.ports.validation.InputLimits;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * A commission statement for one talent or agent over a period.
 *
 * @param beneficiaryKind TALENT or AGENT
 * @param beneficiaryId   the talent id or agent user id
 * @param from            lines created at or after this instant; instants lie in
 *                        {@link InputLimits#MIN_INSTANT}..{@link InputLimits#MAX_INSTANT}
 * @param to              lines created before this instant
 */
public record StatementQuery(@NotNull BeneficiaryKind beneficiaryKind,
                             @NotNull @Pattern(regexp = Patterns.ID) String beneficiaryId,
                             @NotNull Instant from, @NotNull Instant to) {
}
