package com.breakagency.core.crm;

import static com.breakagency.core.crm.CrmChanges.currency;
import static com.breakagency.core.crm.CrmChanges.diff;
import static com.breakagency.core.crm.CrmChanges.domainOf;
import static com.breakagency.core.crm.CrmChanges.fields;
import static com.breakagency.core.crm.CrmChanges.ref;
import static com.breakagency.core.crm.CrmRecords.requireVersion;

import com.breakagency.core.boundary.Access;
import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.Ownership;
import com.breakagency.core.boundary.Scope;
import com.breakagency.core.internal.Audit;
import com.breakagency.core.internal.Cursors;
import com.breakagency.core.internal.Pages;
import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.crm.AddNote;
import com.breakagency.ports.api.crm.Archive;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateContact;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.crm.TimelineQuery;
import com.breakagency.ports.api.crm.TalentQuery;
import com.breakagency.ports.api.crm.DealQuery;
import com.breakagency.ports.api.crm.ContactQuery;
import com.breakagency.ports.api.crm.BrandQuery;
import com.breakagency.ports.api.crm.UpdateBrand;
import com.breakagency.ports.api.crm.UpdateContact;
import com.breakagency.ports.api.crm.UpdateDeal;
import com.breakagency.ports.api.crm.UpdateTalent;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Activity;
import com.breakagency.ports.model.crm.ActivityKind;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Normalize;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.crm.Visibility;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.Persistence;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The CRM use cases behind {@link Crm}. Every public method is one boundary call; authorization comes
 * from the policy table through {@link Access}, never from guards here, and who sees what of a listing
 * from {@link Scope}. Brand, contact and talent writes are in {@code ProfileWrites}, archiving in
 * {@code Archiving}, record look-ups and owners in {@code CrmRecords}, audit field changes in
 * {@code CrmChanges}. Thread-safe.
 */
public final class CrmService implements Crm {

    /** The currency a talent is paid in unless set. */
    public static final Currency DEFAULT_HOME_CURRENCY = Currency.getInstance("GBP");

    private final Boundary boundary;
    private final Persistence stores;
    private final Audit audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final DealStages stages;
    private final CrmRecords records;
    private final Archiving archiving;
    private final ProfileWrites writes;

    /**
     * Wires the CRM.
     *
     * @param boundary       the boundary every call passes
     * @param stores         the persistence bundle
     * @param audit          writes audit events
     * @param ids            makes ids
     * @param clock          stamps records
     * @param stages         moves deals between stages
     */
    public CrmService(Boundary boundary, Persistence stores, Audit audit, IdGenerator ids, Clock clock,
                      DealStages stages) {
        this.boundary = Objects.requireNonNull(boundary);
        this.stores = Objects.requireNonNull(stores);
        this.audit = Objects.requireNonNull(audit);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
        this.stages = Objects.requireNonNull(stages);
        this.records = new CrmRecords(stores);
        this.archiving = new Archiving(stores, audit, clock, records);
        this.writes = new ProfileWrites(stores, audit, ids, clock, records);
    }

    // ---- owners: who "own records" means for each kind is in CrmRecords ----

    // ---- brands ----

    @Override
    public Brand createBrand(OperationContext context, CreateBrand command) {
        return boundary.call(context, CrmOperations.CREATE_BRAND, command, writes::createBrand);
    }

    @Override
    public Brand updateBrand(OperationContext context, UpdateBrand command) {
        return boundary.call(context, CrmOperations.UPDATE_BRAND, command, writes::updateBrand);
    }

    @Override
    public Brand getBrand(OperationContext context, String id) {
        return boundary.call(context, CrmOperations.GET_BRAND, new Lookups.ById(id),
                (call, c) -> records.brand(call.access(), c.id()));
    }

    @Override
    public Page<Brand> listBrands(OperationContext context, BrandQuery query) {
        return boundary.call(context, CrmOperations.LIST_BRANDS, query, (call, q) -> {
            Optional<String> after = Cursors.decode(q.cursor());
            var filter = new com.breakagency.ports.spi.Brands.Query(Optional.ofNullable(q.namePrefix()),
                    Optional.ofNullable(q.status()), Optional.ofNullable(q.ownerAgentId()));
            Optional<Scope.Filter> scope = Scope.of(call.access(), Scope.Filter.of(null, null, null), Set.of(Scope.By.BRAND));
            if (scope.isEmpty() || scope.get().brandId().isPresent()) {
                // a BRAND user's listing is their own brand, if it matches the filters
                return Pages.ownRecord(scope.flatMap(Scope.Filter::brandId).flatMap(stores.brands()::findById),
                        b -> matches(b, filter), after, Brand::id);
            }
            return Pages.of(stores.brands().list(filter, after, q.limit() + 1), q.limit(), Brand::id);
        });
    }

    private static boolean matches(Brand brand, com.breakagency.ports.spi.Brands.Query filter) {
        return filter.namePrefix().map(p -> brand.name().regionMatches(true, 0, p, 0, p.length())).orElse(true)
                && filter.status().map(s -> s == brand.status()).orElse(true)
                && filter.ownerAgentId().map(brand.ownerAgentId()::equals).orElse(true);
    }

    @Override
    public Optional<Brand> findBrandByDomain(OperationContext context, String emailOrDomain) {
        return boundary.call(context, CrmOperations.FIND_BRAND_BY_DOMAIN, new Lookups.ByAddress(emailOrDomain),
                (call, c) -> {
                    String address = c.address();
                    String domain = address.contains("@") ? domainOf(address) : Normalize.domain(address);
                    return stores.brands().findByDomain(domain).filter(b -> call.access().permits(Ownership.of(b)));
                });
    }

    // ---- contacts ----

    @Override
    public Contact createContact(OperationContext context, CreateContact command) {
        return boundary.call(context, CrmOperations.CREATE_CONTACT, command, writes::createContact);
    }

    @Override
    public Contact updateContact(OperationContext context, UpdateContact command) {
        return boundary.call(context, CrmOperations.UPDATE_CONTACT, command, writes::updateContact);
    }

    @Override
    public Contact getContact(OperationContext context, String id) {
        return boundary.call(context, CrmOperations.GET_CONTACT, new Lookups.ById(id),
                (call, c) -> records.contact(call.access(), c.id()));
    }

    @Override
    public Page<Contact> listContacts(OperationContext context, ContactQuery query) {
        return boundary.call(context, CrmOperations.LIST_CONTACTS, query, (call, q) -> {
            Optional<String> after = Cursors.decode(q.cursor());
            Optional<Scope.Filter> scope = Scope.of(call.access(), Scope.Filter.of(null, null, q.brandId()),
                    Set.of(Scope.By.BRAND));
            if (scope.isEmpty()) {
                return new Page<Contact>(List.of(), Optional.empty());
            }
            var filter = new com.breakagency.ports.spi.Contacts.Query(scope.get().brandId(), Optional.ofNullable(q.namePrefix()),
                    q.includeArchived());
            return Pages.of(stores.contacts().list(filter, after, q.limit() + 1), q.limit(), Contact::id);
        });
    }

    @Override
    public Optional<Contact> findContactByEmail(OperationContext context, String email) {
        return boundary.call(context, CrmOperations.FIND_CONTACT_BY_EMAIL, new Lookups.ByAddress(email),
                (call, c) -> stores.contacts().findByEmail(Normalize.email(c.address()))
                        .filter(found -> call.access().permits(Ownership.of(found))));
    }

    // ---- talent ----

    @Override
    public Talent createTalent(OperationContext context, CreateTalent command) {
        return boundary.call(context, CrmOperations.CREATE_TALENT, command, writes::createTalent);
    }

    @Override
    public Talent updateTalent(OperationContext context, UpdateTalent command) {
        return boundary.call(context, CrmOperations.UPDATE_TALENT, command, writes::updateTalent);
    }

    @Override
    public Talent getTalent(OperationContext context, String id) {
        return boundary.call(context, CrmOperations.GET_TALENT, new Lookups.ById(id),
                (call, c) -> records.talent(call.access(), c.id()));
    }

    @Override
    public Page<Talent> listTalent(OperationContext context, TalentQuery query) {
        return boundary.call(context, CrmOperations.LIST_TALENT, query, (call, q) -> {
            Optional<String> after = Cursors.decode(q.cursor());
            var filter = new com.breakagency.ports.spi.Talents.Query(Optional.ofNullable(q.namePrefix()),
                    Optional.ofNullable(q.managingAgentId()), q.includeArchived());
            Optional<Scope.Filter> scope = Scope.of(call.access(), Scope.Filter.of(null, null, null), Set.of(Scope.By.TALENT));
            if (scope.isEmpty() || scope.get().talentId().isPresent()) {
                // a TALENT user's listing is their own profile, if it matches the filters
                return Pages.ownRecord(scope.flatMap(Scope.Filter::talentId).flatMap(stores.talents()::findById),
                        t -> filter.namePrefix().map(p -> t.name().regionMatches(true, 0, p, 0, p.length())).orElse(true)
                                && filter.managingAgentId().map(a -> t.managingAgentId().equals(Optional.of(a))).orElse(true)
                                && (filter.includeArchived() || !t.archived()), after, Talent::id);
            }
            return Pages.of(stores.talents().list(filter, after, q.limit() + 1), q.limit(), Talent::id);
        });
    }

    // ---- archive ----

    @Override
    public void archive(OperationContext context, Archive command) {
        boundary.call(context, CrmOperations.ARCHIVE, command, (call, c) -> {
            archiving.archive(call, c);
            return null;
        });
    }

    // ---- deals ----

    @Override
    public Deal createDeal(OperationContext context, CreateDeal command) {
        return boundary.call(context, CrmOperations.CREATE_DEAL, command, (call, c) -> {
            Instant now = clock.instant();
            Deal deal = new Deal(ids.nextId(), c.brandId(), c.talentId(), c.ownerAgentId(), c.title().strip(),
                    c.value(), DealStage.NEW_LEAD,
                    Optional.ofNullable(c.commissionPlanId()), 1, now, now);
            if (!call.access().permits(Ownership.of(deal))) {
                throw BreakException.forbidden(call.context().operationName());
            }
            Access staff = Access.unrestricted(call.context().actor(), call.context().operationName());
            records.brand(staff, c.brandId());
            records.talent(staff, c.talentId());
            stores.deals().insert(deal);
            audit.record(call, AuditAction.DEAL_CREATED, ref(deal), diff(Map.of(), fields(deal)));
            return deal;
        });
    }

    @Override
    public Deal updateDeal(OperationContext context, UpdateDeal command) {
        return boundary.call(context, CrmOperations.UPDATE_DEAL, command, (call, c) -> {
            Deal stored = requireVersion(records.deal(call.access(), c.id()), Deal::version, c.expectedVersion(), "deal", c.id());
            Deal updated = stored.withOwnerAgentId(c.ownerAgentId()).withTitle(c.title().strip())
                    .withValue(c.value())
                    .withCommissionPlanId(Optional.ofNullable(c.commissionPlanId())).next(clock.instant());
            stores.deals().update(updated);
            audit.record(call, AuditAction.DEAL_UPDATED, ref(updated), diff(fields(stored), fields(updated)));
            return updated;
        });
    }

    @Override
    public Deal moveDealStage(OperationContext context, MoveDealStage command) {
        return boundary.call(context, CrmOperations.MOVE_DEAL_STAGE, command, (call, c) -> {
            Deal stored = requireVersion(records.deal(call.access(), c.id()), Deal::version, c.expectedVersion(), "deal", c.id());
            DealPipeline.requireByHand(stored.stage(), c.to());
            return stages.move(call, stored, c.to());
        });
    }

    @Override
    public Deal getDeal(OperationContext context, String id) {
        return boundary.call(context, CrmOperations.GET_DEAL, new Lookups.ById(id),
                (call, c) -> records.deal(call.access(), c.id()));
    }

    @Override
    public Page<Deal> listDeals(OperationContext context, DealQuery query) {
        return boundary.call(context, CrmOperations.LIST_DEALS, query, (call, q) -> {
            Optional<String> after = Cursors.decode(q.cursor());
            // a portal user sees the deals of their own talent profile or brand; the page is empty when the
            // filters ask for someone else's
            Optional<Scope.Filter> scope = Scope.of(call.access(), Scope.Filter.of(q.ownerAgentId(), q.talentId(), q.brandId()),
                    EnumSet.allOf(Scope.By.class));
            if (scope.isEmpty()) {
                return new Page<Deal>(List.of(), Optional.empty());
            }
            Scope.Filter owners = scope.get();
            var filter = new com.breakagency.ports.spi.Deals.Query(owners.brandId(), owners.talentId(), owners.agentId(),
                    Optional.ofNullable(q.stage()));
            return Pages.of(stores.deals().list(filter, after, q.limit() + 1), q.limit(), Deal::id);
        });
    }

    // ---- timeline ----

    @Override
    public Activity addNote(OperationContext context, AddNote command) {
        // a note on a deal writes to the deal: the table authorizes it as such
        boolean onDeal = command != null && command.subject() != null && command.subject().type() == EntityType.DEAL;
        return boundary.call(context, onDeal ? CrmOperations.ADD_DEAL_NOTE : CrmOperations.ADD_NOTE, command, (call, c) -> {
            records.requireSubject(call.access(), c.subject());
            Activity note = new Activity(ids.nextId(), c.subject(), ActivityKind.NOTE,
                    call.context().actor().userId(), clock.instant(), c.text(), c.visibility());
            stores.activities().append(note);
            audit.record(call, AuditAction.NOTE_ADDED, c.subject(),
                    Map.of("activityId", note.id(), "visibility", note.visibility().name()));
            return note;
        });
    }

    @Override
    public Page<Activity> timeline(OperationContext context, TimelineQuery query) {
        return boundary.call(context, CrmOperations.TIMELINE, query,
                (call, q) -> {
                    Optional<String> before = Cursors.decode(q.cursor());
                    records.requireSubject(call.access(), q.subject());
                    // portal users read only what the agency shared with them; staff read everything
                    Set<Visibility> visible = call.access().sharedOnly() ? Set.of(Visibility.SHARED) : Set.of();
                    return Pages.of(stores.activities().timeline(q.subject(), visible, before, q.limit() + 1),
                            q.limit(), Activity::id);
                });
    }


}
