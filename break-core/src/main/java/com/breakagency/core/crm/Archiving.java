package com.breakagency.core.crm;

import static com.breakagency.core.crm.CrmChanges.ref;
import static com.breakagency.core.crm.CrmRecords.requireVersion;

import com.breakagency.core.boundary.Call;
import com.breakagency.core.internal.Audit;
import com.breakagency.ports.api.crm.Archive;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.BrandStatus;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.spi.Persistence;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Archiving a brand, contact or talent inside the running call: the record at the expected version, its
 * archived copy stored, and the audit event. Thread-safe.
 */
final class Archiving {

    private final Persistence stores;
    private final Audit audit;
    private final Clock clock;
    private final CrmRecords records;

    Archiving(Persistence stores, Audit audit, Clock clock, CrmRecords records) {
        this.stores = stores;
        this.audit = audit;
        this.clock = clock;
        this.records = records;
    }

    void archive(Call call, Archive c) {
        Instant now = clock.instant();
        switch (c.type()) {
            case BRAND -> {
                Brand stored = requireVersion(records.brand(call.access(), c.id()), Brand::version, c.expectedVersion(),
                        "brand", c.id());
                Brand archived = stored.withStatus(BrandStatus.ARCHIVED).next(now);
                stores.brands().update(archived);
                audit.record(call, AuditAction.BRAND_ARCHIVED, ref(archived), Map.of("status", "ARCHIVED"));
            }
            case CONTACT -> {
                Contact stored = requireVersion(records.contact(call.access(), c.id()), Contact::version,
                        c.expectedVersion(), "contact", c.id());
                Contact archived = stored.withArchived(true).next(now);
                stores.contacts().update(archived);
                audit.record(call, AuditAction.CONTACT_ARCHIVED, ref(archived), Map.of("archived", "true"));
            }
            case TALENT -> {
                Talent stored = requireVersion(records.talent(call.access(), c.id()), Talent::version,
                        c.expectedVersion(), "talent", c.id());
                Talent archived = stored.withArchived(true).next(now);
                stores.talents().update(archived);
                audit.record(call, AuditAction.TALENT_ARCHIVED, ref(archived), Map.of("archived", "true"));
            }
            default -> throw BreakException.validation(List.of(new FieldError("#/type", "ArchivableType",
                    "must be BRAND, CONTACT or TALENT")));
        }
    }
}
