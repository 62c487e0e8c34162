package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.spi.AuditLog;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** {@link AuditLog} in memory. Thread-safe. */
public final class InMemoryAuditLog implements AuditLog {

    private final TransactionalMap<String, AuditEvent> byId;

    /**
     * An empty log.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryAuditLog(InMemoryTransactions transactions) {
        this.byId = new TransactionalMap<>(transactions);
    }

    @Override
    public void append(AuditEvent event) {
        if (!byId.putIfAbsent(event.id(), event)) {
            throw BreakException.alreadyExists("audit event", "id");
        }
    }

    @Override
    public List<AuditEvent> byEntity(EntityRef entity, Optional<String> afterId, int limit) {
        return Keyset.ascendingAfter(byId.values(e -> e.entity().equals(entity)), AuditEvent::id, afterId, limit);
    }

    @Override
    public List<AuditEvent> byAction(AuditAction action, Instant from, Instant to, Optional<String> afterId, int limit) {
        return Keyset.ascendingAfter(byId.values(e -> e.action() == action && !e.at().isBefore(from)
                && e.at().isBefore(to)), AuditEvent::id, afterId, limit);
    }

    @Override
    public Optional<AuditEvent> latest(AuditAction action) {
        return byId.values(e -> e.action() == action).stream().max(Comparator.comparing(AuditEvent::id));
    }
}
