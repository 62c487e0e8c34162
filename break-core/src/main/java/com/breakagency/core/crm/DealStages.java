package com.breakagency.core.crm;

import com.breakagency.core.boundary.Call;
import com.breakagency.core.internal.Audit;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.spi.Deals;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Moves deals between stages inside the running unit of work: writes the deal (optimistically), audits
 * DEAL_STAGE_CHANGED, and tells the registered listeners, who may write in the same unit of work (finance
 * drafts the invoice on PAYMENT_PENDING). Callers check that the move is allowed. Thread-safe; listeners
 * are registered while the agency is wired.
 */
public final class DealStages {

    private final Deals deals;
    private final Audit audit;
    private final Clock clock;
    private final List<DealStageListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Wires the mover.
     *
     * @param deals the deals store
     * @param audit writes audit events
     * @param clock stamps the change
     */
    public DealStages(Deals deals, Audit audit, Clock clock) {
        this.deals = deals;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Adds a listener.
     *
     * @param listener called for every stage change, in the unit of work that made it
     */
    public void register(DealStageListener listener) {
        listeners.add(listener);
    }

    /**
     * Moves a deal.
     *
     * @param call   the running call
     * @param stored the deal as stored
     * @param to     the new stage
     * @return the deal as stored afterwards
     */
    public Deal move(Call call, Deal stored, DealStage to) {
        Deal moved = stored.withStage(to).next(clock.instant());
        deals.update(moved);
        Map<String, String> change = new LinkedHashMap<>();
        change.put("from", stored.stage().name());
        change.put("to", to.name());
        audit.record(call, AuditAction.DEAL_STAGE_CHANGED, EntityRef.of(EntityType.DEAL, moved.id()), change);
        for (DealStageListener listener : listeners) {
            listener.stageChanged(call, stored, moved);
        }
        return moved;
    }
}
