package com.breakagency.core.internal;

import com.breakagency.core.boundary.Call;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.spi.AuditLog;
import com.breakagency.ports.spi.IdGenerator;
import java.time.Clock;
import java.util.Map;

/** Writes audit events for the call (or background work) that runs, in its unit of work. Thread-safe. */
public final class Audit {

    private final AuditLog log;
    private final IdGenerator ids;
    private final Clock clock;

    /**
     * Wires the writer.
     *
     * @param log   the audit log port
     * @param ids   makes event ids
     * @param clock stamps events
     */
    public Audit(AuditLog log, IdGenerator ids, Clock clock) {
        this.log = log;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Appends one event for the call.
     *
     * @param call    the running call
     * @param action  what happened
     * @param entity  to which record
     * @param changes changed fields and their new values; never secrets
     * @return the event written
     */
    public AuditEvent record(Call call, AuditAction action, EntityRef entity, Map<String, String> changes) {
        return record(call.context(), action, entity, changes);
    }

    /**
     * Appends one event for work that runs outside a driving-port call (the background worker, the
     * janitor), in the calling thread's unit of work.
     *
     * @param context the actor (the system) and correlation id of the work
     * @param action  what happened
     * @param entity  to which record
     * @param changes changed fields and their new values; never secrets
     * @return the event written
     */
    public AuditEvent record(OperationContext context, AuditAction action, EntityRef entity, Map<String, String> changes) {
        AuditEvent event = new AuditEvent(ids.nextId(), action, entity, context.actor().userId(),
                context.actor().roles(), context.correlationId(), clock.instant(), changes);
        log.append(event);
        return event;
    }
}
