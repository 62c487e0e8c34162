package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The deals store. Every method takes part in the calling thread's unit of work; store failures are
 * thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE. Contract: {@code DealsContract}.
 */
public interface Deals {

    /**
     * Stores a new deal.
     *
     * @param deal the deal, version 1
     * @throws BreakException CONFLICT/ALREADY_EXISTS naming field {@code id} if the id is taken
     */
    void insert(Deal deal);

    /**
     * Replaces a deal, optimistically. Two units of work updating the same deal from the same version:
     * one succeeds, the other gets VERSION_MISMATCH.
     *
     * @param deal the new state, whose version is the stored version + 1
     * @throws BreakException CONFLICT/VERSION_MISMATCH or NOT_FOUND
     */
    void update(Deal deal);

    /**
     * Reads a deal.
     *
     * @param id the id
     * @return the deal, if any
     */
    Optional<Deal> findById(String id);

    /**
     * One keyset page in ascending id order.
     *
     * @param query   the filter
     * @param afterId the last id of the previous page (it need not still exist or match), or empty
     * @param limit   1 or more; the page holds the first {@code limit} matches after the cursor, so only the
     *                last page is shorter
     * @return the deals
     */
    List<Deal> list(Query query, Optional<String> afterId, int limit);

    /**
     * A deal listing's filter; every present part must match.
     *
     * @param brandId      deals with this brand
     * @param talentId     deals of this talent
     * @param ownerAgentId deals owned by this agent
     * @param stage        deals in this stage
     */
    record Query(Optional<String> brandId, Optional<String> talentId, Optional<String> ownerAgentId,
                 Optional<DealStage> stage) {
        /**
         * Checks presence.
         *
         * @param brandId deals with this brand
         * @param talentId deals of this talent
         * @param ownerAgentId deals owned by this agent
         * @param stage deals in this stage
         */
        public Query {
            Objects.requireNonNull(brandId, "brandId");
            Objects.requireNonNull(talentId, "talentId");
            Objects.requireNonNull(ownerAgentId, "ownerAgentId");
            Objects.requireNonNull(stage, "stage");
        }

        /** Every deal. */
        public static final Query ALL = new Query(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
