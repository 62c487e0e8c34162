package com.breakagency.core.boundary;

import com.breakagency.ports.model.finance.Beneficiary;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who sees what in a listing, decided here for every listing, next to the policy table that grants the
 * call: staff the table allows outright see what their filters ask for; a viewer the table grants only
 * their own records (an agent their own deals' invoices, a talent their own deals and invoices, a brand
 * user their brand, its contacts, deals and invoices) sees the filtered listing narrowed to what they own,
 * and nothing when their filters ask for someone else's. Use cases pass the filters asked for and list
 * what comes back; they never read roles. Stateless.
 */
public final class Scope {

    /** A kind of owner a listing's records can be narrowed by. */
    public enum By {
        /** The records' owner agent (a deal's owner, an invoice's deal's owner). */
        AGENT,
        /** The talent the records are about. */
        TALENT,
        /** The brand the records are for. */
        BRAND
    }

    /** The order in which a viewer's own records are tried: an agent's, then a talent's, then a brand's. */
    private static final List<By> ORDER = List.of(By.AGENT, By.TALENT, By.BRAND);

    /**
     * The owner filters of a listing.
     *
     * @param agentId  only records of this owner agent, if present
     * @param talentId only records of this talent, if present
     * @param brandId  only records of this brand, if present
     */
    public record Filter(Optional<String> agentId, Optional<String> talentId, Optional<String> brandId) {

        /** Checks presence. */
        public Filter {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(talentId, "talentId");
            Objects.requireNonNull(brandId, "brandId");
        }

        /**
         * The filters a caller asked for; {@code null} means "any".
         *
         * @param agentId  an agent's user id, or null
         * @param talentId a talent's id, or null
         * @param brandId  a brand's id, or null
         * @return the filter
         */
        public static Filter of(String agentId, String talentId, String brandId) {
            return new Filter(Optional.ofNullable(agentId), Optional.ofNullable(talentId), Optional.ofNullable(brandId));
        }

        private Optional<String> get(By by) {
            return switch (by) {
                case AGENT -> agentId;
                case TALENT -> talentId;
                case BRAND -> brandId;
            };
        }

        private Filter with(By by, Optional<String> id) {
            return switch (by) {
                case AGENT -> new Filter(id, talentId, brandId);
                case TALENT -> new Filter(agentId, id, brandId);
                case BRAND -> new Filter(agentId, talentId, id);
            };
        }
    }

    private Scope() {
    }

    /**
     * What a viewer sees of a listing.
     *
     * @param access    what the policy table granted the call
     * @param requested the owner filters asked for
     * @param by        the kinds of owner this listing's records can be narrowed by
     * @return the filters to list with (the request itself for unrestricted access; the request narrowed to
     *         the viewer's own records otherwise), or empty when the viewer sees nothing of it
     */
    public static Optional<Filter> of(Access access, Filter requested, Set<By> by) {
        if (access.unrestricted()) {
            return Optional.of(requested);
        }
        for (By kind : ORDER) {
            Optional<String> own = by.contains(kind) ? own(access, kind) : Optional.empty();
            if (own.isPresent() && (requested.get(kind).isEmpty() || requested.get(kind).equals(own))) {
                return Optional.of(requested.with(kind, own));
            }
        }
        return Optional.empty();
    }

    /**
     * What a viewer sees of a listing of commission lines, each of which pays one beneficiary.
     *
     * @param access    what the policy table granted the call
     * @param requested the beneficiary asked for, if any
     * @return the beneficiary filter to list with (empty inside: every beneficiary), or empty when the viewer
     *         sees nothing: a restricted viewer sees only the lines that pay them (an agent's, a talent's)
     */
    public static Optional<Optional<Beneficiary>> ofBeneficiary(Access access, Optional<Beneficiary> requested) {
        if (access.unrestricted()) {
            return Optional.of(requested);
        }
        Optional<Beneficiary> own = access.ownAgentUserId().map(Beneficiary::agent)
                .or(() -> access.ownTalentId().map(Beneficiary::talent));
        if (own.isEmpty() || (requested.isPresent() && !requested.equals(own))) {
            return Optional.empty();
        }
        return Optional.of(own);
    }

    private static Optional<String> own(Access access, By kind) {
        return switch (kind) {
            case AGENT -> access.ownAgentUserId();
            case TALENT -> access.ownTalentId();
            case BRAND -> access.ownBrandId();
        };
    }
}
