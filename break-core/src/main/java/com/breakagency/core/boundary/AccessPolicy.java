package com.breakagency.core.boundary;

import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A table of operation × role → {@link Rule}. The boundary consults it for every call, before any
 * lookup; use cases carry no guards of their own. An operation the table does not name is denied to
 * everyone, so a forgotten row fails closed. Immutable and thread-safe.
 */
public final class AccessPolicy {

    private final Map<Operation, Map<Role, Rule>> rules;

    private AccessPolicy(Map<Operation, Map<Role, Rule>> rules) {
        Map<Operation, Map<Role, Rule>> copy = new LinkedHashMap<>();
        rules.forEach((op, byRole) -> copy.put(op, Collections.unmodifiableMap(new EnumMap<>(byRole))));
        this.rules = Collections.unmodifiableMap(copy);
    }

    /**
     * Starts a table.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The rule for one role and operation.
     *
     * @param operation the operation
     * @param role      the role
     * @return the rule; {@link Rule#DENY} for anything the table does not name
     */
    public Rule rule(Operation operation, Role role) {
        return rules.getOrDefault(operation, Map.of()).getOrDefault(role, Rule.DENY);
    }

    /**
     * The operations the table names, in the order they were added.
     *
     * @return the operations
     */
    public Set<Operation> operations() {
        return rules.keySet();
    }

    /**
     * Decides a call from the actor's roles alone, before anything is looked up.
     *
     * @param operation the operation
     * @param actor     the actor
     * @return the access granted: unrestricted if any role is ALLOW, otherwise own records under the OWN roles
     * @throws BreakException FORBIDDEN if no role of the actor is ALLOW or OWN
     */
    public Access decide(Operation operation, Actor actor) {
        Set<Role> own = EnumSet.noneOf(Role.class);
        for (Role role : actor.roles()) {
            Rule rule = rule(operation, role);
            if (rule == Rule.ALLOW) {
                return new Access(actor, operation.name(), true, Set.of());
            }
            if (rule == Rule.OWN) {
                own.add(role);
            }
        }
        if (own.isEmpty()) {
            throw BreakException.forbidden(operation.name());
        }
        return new Access(actor, operation.name(), false, own);
    }

    /** Collects rows. Not thread-safe. */
    public static final class Builder {
        private final Map<Operation, Map<Role, Rule>> rules = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Lets roles run an operation on any record.
         *
         * @param operation the operation
         * @param roles     the roles
         * @return this builder
         */
        public Builder allow(Operation operation, Role... roles) {
            return put(operation, Rule.ALLOW, roles);
        }

        /**
         * Lets roles run an operation on the records they own.
         *
         * @param operation the operation
         * @param roles     the roles
         * @return this builder
         */
        public Builder own(Operation operation, Role... roles) {
            return put(operation, Rule.OWN, roles);
        }

        private Builder put(Operation operation, Rule rule, Role... roles) {
            Objects.requireNonNull(operation, "operation");
            Map<Role, Rule> byRole = rules.computeIfAbsent(operation, k -> new EnumMap<>(Role.class));
            for (Role role : roles) {
                Rule previous = byRole.put(role, rule);
                if (previous != null && previous != rule) {
                    throw new IllegalStateException(operation + " names " + role + " twice");
                }
            }
            return this;
        }

        /**
         * Builds the table.
         *
         * @return the table
         */
        public AccessPolicy build() {
            return new AccessPolicy(rules);
        }
    }
}
