package com.breakagency.core.boundary;

import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the policy table granted one call: everything, or only the records the actor owns.
 *
 * <p>The boundary decides the role-level answer before any lookup. For roles the table grants only
 * their own records, the use case hands the record it loaded (or its absence) to {@link #require} and
 * the answer comes from here: a missing record and someone else's record both give FORBIDDEN, so a
 * caller cannot learn which ids exist. Immutable.
 */
public final class Access {

    private final Actor actor;
    private final String operation;
    private final boolean unrestricted;
    private final Set<Role> ownRoles;

    Access(Actor actor, String operation, boolean unrestricted, Set<Role> ownRoles) {
        this.actor = actor;
        this.operation = operation;
        this.unrestricted = unrestricted;
        this.ownRoles = ownRoles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(ownRoles));
    }

    /**
     * Grants everything; for work Break runs itself.
     *
     * @param actor     the actor
     * @param operation the operation
     * @return unrestricted access
     */
    public static Access unrestricted(Actor actor, String operation) {
        return new Access(actor, operation, true, Set.of());
    }

    /**
     * Whether the actor may touch any record of the operation.
     *
     * @return true if no ownership check applies
     */
    public boolean unrestricted() {
        return unrestricted;
    }

    /**
     * The actor the access was granted to.
     *
     * @return the actor
     */
    public Actor actor() {
        return actor;
    }

    /**
     * Whether the actor owns a record under the roles the table grants "own records" for.
     *
     * @param ownership who owns the record
     * @return true if unrestricted or owned
     */
    public boolean permits(Ownership ownership) {
        if (unrestricted) {
            return true;
        }
        return (ownRoles.contains(Role.AGENT) && ownership.agentUserIds().contains(actor.userId()))
                || (ownRoles.contains(Role.TALENT) && actor.talentId().isPresent()
                        && ownership.talentId().equals(actor.talentId()))
                || (ownRoles.contains(Role.BRAND) && actor.brandId().isPresent()
                        && ownership.brandId().equals(actor.brandId()));
    }

    /**
     * Checks a record the use case loaded: present and permitted, or the right error.
     *
     * @param found     the record, or empty if there is none with that id
     * @param ownership who owns it; asked only when the access is restricted, so reading the current owner
     *                  (a deal's, for its invoice) costs nothing for callers allowed every record
     * @param entity    the kind of record, for NOT_FOUND
     * @param id        the id looked up, for NOT_FOUND
     * @param <T>       the record type
     * @return the record
     * @throws BreakException FORBIDDEN when restricted and the record is missing or not owned;
     *                        NOT_FOUND when unrestricted and missing
     */
    public <T> T require(Optional<T> found, Function<? super T, Ownership> ownership, String entity, String id) {
        if (found.isEmpty()) {
            throw unrestricted ? BreakException.notFound(entity, id) : BreakException.forbidden(operation);
        }
        T record = found.get();
        if (!unrestricted && !permits(ownership.apply(record))) {
            throw BreakException.forbidden(operation);
        }
        return record;
    }

    /**
     * Checks a record that belongs to one user (a connection to their mailbox): present and permitted, or
     * the right error. Under the table's "own" rule, whatever the role, the actor must be that user.
     *
     * @param found       the record, or empty if there is none with that id
     * @param ownerUserId the user it belongs to
     * @param entity      the kind of record, for NOT_FOUND
     * @param id          the id looked up, for NOT_FOUND
     * @param <T>         the record type
     * @return the record
     * @throws BreakException FORBIDDEN when restricted and the record is missing or another user's;
     *                        NOT_FOUND when unrestricted and missing
     */
    public <T> T requireOwnedBy(Optional<T> found, Function<? super T, String> ownerUserId, String entity, String id) {
        if (found.isEmpty()) {
            throw unrestricted ? BreakException.notFound(entity, id) : BreakException.forbidden(operation);
        }
        T record = found.get();
        if (!unrestricted && !actor.userId().equals(ownerUserId.apply(record))) {
            throw BreakException.forbidden(operation);
        }
        return record;
    }

    /**
     * For listings of records that belong to one user: the user a restricted actor may see.
     *
     * @return the actor's user id when the table grants own records only
     */
    public Optional<String> ownUserId() {
        return unrestricted ? Optional.empty() : Optional.of(actor.userId());
    }

    /**
     * Whether the actor reads as a portal user: the table granted the call only through the "own records"
     * rules of the BRAND or TALENT role, so of timelines they see only what the agency shared with them.
     * Staff (any role allowed outright, or an AGENT's own records) see internal entries too.
     *
     * @return true for a BRAND or TALENT portal user's access
     */
    public boolean sharedOnly() {
        return !unrestricted && !ownRoles.isEmpty() && PORTAL_ROLES.containsAll(ownRoles);
    }

    private static final Set<Role> PORTAL_ROLES = Collections.unmodifiableSet(EnumSet.of(Role.BRAND, Role.TALENT));

    /**
     * For listings: the agent whose records a restricted actor may see.
     *
     * @return the actor's user id when the table grants AGENT own records only
     */
    public Optional<String> ownAgentUserId() {
        return !unrestricted && ownRoles.contains(Role.AGENT) ? Optional.of(actor.userId()) : Optional.empty();
    }

    /**
     * For listings: the talent whose records a restricted actor may see.
     *
     * @return the actor's talent id when the table grants TALENT own records only
     */
    public Optional<String> ownTalentId() {
        return !unrestricted && ownRoles.contains(Role.TALENT) ? actor.talentId() : Optional.empty();
    }

    /**
     * For listings: the brand whose records a restricted actor may see.
     *
     * @return the actor's brand id when the table grants BRAND own records only
     */
    public Optional<String> ownBrandId() {
        return !unrestricted && ownRoles.contains(Role.BRAND) ? actor.brandId() : Optional.empty();
    }
}
