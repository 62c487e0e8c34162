package com.breakagency.ports.api.crm;

import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * Moves a deal to another stage by hand, if the pipeline allows the move and the deal is still at the
 * version the caller read.
 *
 * @param id              the deal
 * @param expectedVersion the version the caller read
 * @param to              the stage to move to
 */
public record MoveDealStage(
        @NotNull @Pattern(regexp = Patterns.ID) String id,
        @Positive long expectedVersion,
        @NotNull DealStage to) {

    /**
     * Moves a deal as it was read: its id and the version read.
     *
     * @param deal the deal as read
     * @param to   the stage to move to
     * @return the command
     */
    public static MoveDealStage of(Deal deal, DealStage to) {
        return new MoveDealStage(deal.id(), deal.version(), to);
    }
}
