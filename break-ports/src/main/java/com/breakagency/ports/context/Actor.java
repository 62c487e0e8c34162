package com.breakagency.ports.context;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: a user with roles, or the system itself.
 *
 * <p>A {@link Role#TALENT} user represents one talent profile and a {@link Role#BRAND} user one brand;
 * those ids are what "own profile" and "own brand" mean to the authorization policy. An
 * {@link Role#AGENT}'s own records are the ones whose owner or managing agent is this user's id.
 *
 * @param userId    the host's id for the user, or {@link #SYSTEM_USER_ID} for the system actor; never blank
 * @param roles     at least one role; an unmodifiable copy is kept
 * @param talentId  the talent profile a {@link Role#TALENT} user represents, otherwise empty
 * @param brandId   the brand a {@link Role#BRAND} user represents, otherwise empty
 */
public record Actor(String userId, Set<Role> roles, Optional<String> talentId, Optional<String> brandId) {

    /** The user id of the system actor. */
    public static final String SYSTEM_USER_ID = "system";

    private static final Actor SYSTEM = new Actor(SYSTEM_USER_ID, Set.of(Role.SYSTEM), Optional.empty(), Optional.empty());

    /**
     * Validates and copies. The boundary checks the rest of what an actor must be (see
     * {@code InputLimits}): a user id too long or with control characters, or a talent or brand id that is
     * not an id, is VALIDATION_FAILED there.
     *
     * @param userId the host's id for the user, or {@link #SYSTEM_USER_ID} for the system actor; never blank
     * @param roles at least one role; an unmodifiable copy is kept
     * @param talentId the talent profile a {@link Role#TALENT} user represents, otherwise empty
     * @param brandId the brand a {@link Role#BRAND} user represents, otherwise empty
     * @throws NullPointerException     if a component is null, naming it
     * @throws IllegalArgumentException if the user id is blank, no role is given, or a talent or brand
     *                                  id is given without its role
     */
    public Actor {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(roles, "roles");
        for (Role role : roles) {
            Objects.requireNonNull(role, "roles must not contain null");
        }
        Objects.requireNonNull(talentId, "talentId");
        Objects.requireNonNull(brandId, "brandId");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("roles must hold at least one role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
        if (talentId.isPresent() != roles.contains(Role.TALENT)) {
            throw new IllegalArgumentException("talentId must be given for a TALENT actor, and only for one");
        }
        if (brandId.isPresent() != roles.contains(Role.BRAND)) {
            throw new IllegalArgumentException("brandId must be given for a BRAND actor, and only for one");
        }
    }

    /**
     * A member of the agency's staff: any of ADMIN, FINANCE, AGENT, SYSTEM.
     *
     * @param userId the host's user id
     * @param first  a role
     * @param more   further roles
     * @return the actor
     * @throws NullPointerException     if the user id or a role is null
     * @throws IllegalArgumentException if the user id is blank, or a role is TALENT or BRAND (use
     *                                  {@link #talent} or {@link #brand})
     */
    public static Actor staff(String userId, Role first, Role... more) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(more, "more");
        for (Role role : more) {
            Objects.requireNonNull(role, "more must not contain null");
        }
        EnumSet<Role> roles = EnumSet.of(first, more);
        if (roles.contains(Role.TALENT) || roles.contains(Role.BRAND)) {
            throw new IllegalArgumentException("roles of a staff actor must not be TALENT or BRAND; use Actor.talent or Actor.brand");
        }
        return new Actor(userId, roles, Optional.empty(), Optional.empty());
    }

    /**
     * A talent's own portal user.
     *
     * @param userId   the host's user id
     * @param talentId the talent profile the user is
     * @return the actor
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the user id is blank
     */
    public static Actor talent(String userId, String talentId) {
        return new Actor(userId, Set.of(Role.TALENT), Optional.of(Objects.requireNonNull(talentId, "talentId")),
                Optional.empty());
    }

    /**
     * A brand's own portal user.
     *
     * @param userId  the host's user id
     * @param brandId the brand the user works for
     * @return the actor
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the user id is blank
     */
    public static Actor brand(String userId, String brandId) {
        return new Actor(userId, Set.of(Role.BRAND), Optional.empty(),
                Optional.of(Objects.requireNonNull(brandId, "brandId")));
    }

    /**
     * The system actor, for background work and payment intake.
     *
     * @return the system actor, with the single role {@link Role#SYSTEM}
     */
    public static Actor system() {
        return SYSTEM;
    }

    /**
     * Whether the actor holds the role.
     *
     * @param role a role
     * @return true if held
     */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
