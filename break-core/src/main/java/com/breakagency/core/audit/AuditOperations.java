package com.breakagency.core.audit;

import com.breakagency.core.boundary.Operation;
import com.breakagency.ports.model.EntityType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The names of the audit trail's operations, one per kind of record, so that the policy table grants a
 * trail like the read of the record it describes.
 */
public final class AuditOperations {

    /** Reads a brand's trail. */
    public static final Operation BRAND_TRAIL = new Operation("audit.brandTrail");
    /** Reads a contact's trail. */
    public static final Operation CONTACT_TRAIL = new Operation("audit.contactTrail");
    /** Reads a talent profile's trail. */
    public static final Operation TALENT_TRAIL = new Operation("audit.talentTrail");
    /** Reads a deal's trail. */
    public static final Operation DEAL_TRAIL = new Operation("audit.dealTrail");
    /** Reads an invoice's trail, or a payment's (as its invoice's). */
    public static final Operation INVOICE_TRAIL = new Operation("audit.invoiceTrail");
    /** Reads a commission plan's trail. */
    public static final Operation COMMISSION_PLAN_TRAIL = new Operation("audit.commissionPlanTrail");
    /** Reads the trail of a queued step or a janitor run, and any trail whose kind is not given. */
    public static final Operation OPERATIONS_TRAIL = new Operation("audit.operationsTrail");

    /** Every audit operation. */
    public static final List<Operation> ALL = List.of(BRAND_TRAIL, CONTACT_TRAIL, TALENT_TRAIL, DEAL_TRAIL,
            INVOICE_TRAIL, COMMISSION_PLAN_TRAIL, OPERATIONS_TRAIL);

    private static final Map<EntityType, Operation> BY_TYPE = new EnumMap<>(Map.of(
            EntityType.BRAND, BRAND_TRAIL,
            EntityType.CONTACT, CONTACT_TRAIL,
            EntityType.TALENT, TALENT_TRAIL,
            EntityType.DEAL, DEAL_TRAIL,
            EntityType.INVOICE, INVOICE_TRAIL,
            EntityType.PAYMENT, INVOICE_TRAIL,
            EntityType.COMMISSION_PLAN, COMMISSION_PLAN_TRAIL));

    private AuditOperations() {
    }

    /**
     * The operation that reads the trail of one kind of record.
     *
     * @param type the kind, or null
     * @return its operation; {@link #OPERATIONS_TRAIL} for steps, janitor runs and a missing kind
     */
    public static Operation forType(EntityType type) {
        return type == null ? OPERATIONS_TRAIL : BY_TYPE.getOrDefault(type, OPERATIONS_TRAIL);
    }
}
