package com.breakagency.ports.model.audit;

import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.EntityRef;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One audit event, written in the same unit of work as the change it records: a rolled-back change
 * leaves no event.
 *
 * @param id            Break's id (time-ordered)
 * @param action        what happened
 * @param entity        to which record
 * @param actorUserId   who did it
 * @param actorRoles    the roles they acted with; at least one, as every actor has
 * @param correlationId the call's correlation id
 * @param at            when
 * @param changes       a small map of changed fields to their new values; never secrets or personal data
 *                      beyond what the record itself shows
 */
public record AuditEvent(String id, AuditAction action, EntityRef entity, String actorUserId, Set<Role> actorRoles,
                         String correlationId, Instant at, Map<String, String> changes) {

    /**
     * Checks presence and copies.
     *
     * @param id Break's id (time-ordered)
     * @param action what happened
     * @param entity to which record
     * @param actorUserId who did it
     * @param actorRoles the roles they acted with; at least one, as every actor has
     * @param correlationId the call's correlation id
     * @param at when
     * @param changes a small map of changed fields to their new values; never secrets or personal data
     *        beyond what the record itself shows
     * @throws IllegalArgumentException if no actor role is given
     */
    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(actorUserId, "actorUserId");
        if (Objects.requireNonNull(actorRoles, "actorRoles").isEmpty()) {
            throw new IllegalArgumentException("an audit event needs at least one actor role");
        }
        actorRoles = Collections.unmodifiableSet(EnumSet.copyOf(actorRoles));
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(at, "at");
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(changes, "changes")));
    }
}
