package com.breakagency.core.crm;

import static com.breakagency.core.crm.CrmChanges.currency;
import static com.breakagency.core.crm.CrmChanges.diff;
import static com.breakagency.core.crm.CrmChanges.fields;
import static com.breakagency.core.crm.CrmChanges.normalizedDomains;
import static com.breakagency.core.crm.CrmChanges.otherEmails;
import static com.breakagency.core.crm.CrmChanges.ref;
import static com.breakagency.core.crm.CrmRecords.requireVersion;

import com.breakagency.core.boundary.Call;
import com.breakagency.core.internal.Audit;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateContact;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.UpdateBrand;
import com.breakagency.ports.api.crm.UpdateContact;
import com.breakagency.ports.api.crm.UpdateTalent;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.BrandStatus;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.crm.Normalize;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.Persistence;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Creating and updating brands, contacts and talent inside the running call: the record (an update at the
 * expected version, through the model's withers and {@code next}), stored, and its audit event with the
 * changed fields. Thread-safe.
 */
final class ProfileWrites {

    private final Persistence stores;
    private final Audit audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final CrmRecords records;

    ProfileWrites(Persistence stores, Audit audit, IdGenerator ids, Clock clock, CrmRecords records) {
        this.stores = stores;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.records = records;
    }

    Brand createBrand(Call call, CreateBrand c) {
        Instant now = clock.instant();
        Brand brand = new Brand(ids.nextId(), c.name().strip(), normalizedDomains(c.domains()), BrandStatus.ACTIVE,
                c.ownerAgentId(), c.tags(), 1, now, now);
        stores.brands().insert(brand);
        audit.record(call, AuditAction.BRAND_CREATED, ref(brand), diff(Map.of(), fields(brand)));
        return brand;
    }

    Brand updateBrand(Call call, UpdateBrand c) {
        Brand stored = requireVersion(records.brand(call.access(), c.id()), Brand::version, c.expectedVersion(),
                "brand", c.id());
        Brand updated = stored.withName(c.name().strip()).withDomains(normalizedDomains(c.domains()))
                .withOwnerAgentId(c.ownerAgentId()).withTags(c.tags()).next(clock.instant());
        stores.brands().update(updated);
        audit.record(call, AuditAction.BRAND_UPDATED, ref(updated), diff(fields(stored), fields(updated)));
        return updated;
    }

    Contact createContact(Call call, CreateContact c) {
        records.requireBrandIfGiven(call.access(), c.brandId());
        Instant now = clock.instant();
        String primary = Normalize.email(c.primaryEmail());
        Contact contact = new Contact(ids.nextId(), Optional.ofNullable(c.brandId()), c.name().strip(), primary,
                otherEmails(primary, c.otherEmails()), Optional.ofNullable(c.title()), Optional.ofNullable(c.phone()),
                false, 1, now, now);
        stores.contacts().insert(contact);
        audit.record(call, AuditAction.CONTACT_CREATED, ref(contact), diff(Map.of(), fields(contact)));
        return contact;
    }

    Contact updateContact(Call call, UpdateContact c) {
        Contact stored = requireVersion(records.contact(call.access(), c.id()), Contact::version, c.expectedVersion(),
                "contact", c.id());
        records.requireBrandIfGiven(call.access(), c.brandId());
        String primary = Normalize.email(c.primaryEmail());
        Contact updated = stored.withBrandId(Optional.ofNullable(c.brandId())).withName(c.name().strip())
                .withPrimaryEmail(primary).withOtherEmails(otherEmails(primary, c.otherEmails()))
                .withTitle(Optional.ofNullable(c.title())).withPhone(Optional.ofNullable(c.phone()))
                .next(clock.instant());
        stores.contacts().update(updated);
        audit.record(call, AuditAction.CONTACT_UPDATED, ref(updated), diff(fields(stored), fields(updated)));
        return updated;
    }

    Talent createTalent(Call call, CreateTalent c) {
        Instant now = clock.instant();
        Talent talent = new Talent(ids.nextId(), c.name().strip(), c.handles(),
                Optional.ofNullable(c.email()).map(Normalize::email), Optional.ofNullable(c.managingAgentId()),
                Optional.ofNullable(c.commissionPlanId()), currency(c.homeCurrency()), false, 1, now, now);
        stores.talents().insert(talent);
        audit.record(call, AuditAction.TALENT_CREATED, ref(talent), diff(Map.of(), fields(talent)));
        return talent;
    }

    Talent updateTalent(Call call, UpdateTalent c) {
        Talent stored = requireVersion(records.talent(call.access(), c.id()), Talent::version, c.expectedVersion(),
                "talent", c.id());
        Talent updated = stored.withName(c.name().strip()).withHandles(c.handles())
                .withEmail(Optional.ofNullable(c.email()).map(Normalize::email))
                .withManagingAgentId(Optional.ofNullable(c.managingAgentId()))
                .withCommissionPlanId(Optional.ofNullable(c.commissionPlanId()))
                .withHomeCurrency(currency(c.homeCurrency())).next(clock.instant());
        stores.talents().update(updated);
        audit.record(call, AuditAction.TALENT_UPDATED, ref(updated), diff(fields(stored), fields(updated)));
        return updated;
    }
}
