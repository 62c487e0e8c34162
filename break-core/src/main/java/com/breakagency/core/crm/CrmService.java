package com.breakagency.core.crm;

import com.breakagency.core.boundary.Access;
import com.breakagency.core.boundary.Boundary;
import com.breakagency.core.boundary.Call;
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
import com.breakagency.ports.api.crm.ListQuery;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.crm.UpdateBrand;
import com.breakagency.ports.api.crm.UpdateContact;
import com.breakagency.ports.api.crm.UpdateDeal;
import com.breakagency.ports.api.crm.UpdateTalent;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Activity;
import com.breakagency.ports.model.crm.ActivityKind;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.BrandStatus;
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
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The CRM use cases behind {@link Crm}. Every public method is one boundary call; authorization comes
 * from the policy table through {@link Access}, never from guards here. Thread-safe.
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
    }

    // ---- owners: who "own records" means for each kind ----

    static Ownership owners(Brand brand) {
        return new Ownership(Set.of(brand.ownerAgentId()), Optional.empty(), Optional.of(brand.id()));
    }

    static Ownership owners(Contact contact) {
        return new Ownership(Set.of(), Optional.empty(), contact.brandId());
    }

    static Ownership owners(Talent talent) {
        return new Ownership(talent.managingAgentId().map(Set::of).orElse(Set.of()), Optional.of(talent.id()),
                Optional.empty());
    }

    /**
     * Who owns a deal: its owner agent, its talent, its brand.
     *
     * @param deal the deal
     * @return its owners
     */
    public static Ownership owners(Deal deal) {
        return new Ownership(Set.of(deal.ownerAgentId()), Optional.of(deal.talentId()), Optional.of(deal.brandId()));
    }

    // ---- brands ----

    @Override
    public Brand createBrand(OperationContext context, CreateBrand command) {
        return boundary.call(context, CrmOperations.CREATE_BRAND, command, (call, c) -> {
            Instant now = clock.instant();
            Brand brand = new Brand(ids.nextId(), c.name().strip(), normalizedDomains(c.domains()), BrandStatus.ACTIVE,
                    c.ownerAgentId(), c.tags(), 1, now, now);
            stores.brands().insert(brand);
            audit.record(call, AuditAction.BRAND_CREATED, ref(brand), diff(Map.of(), fields(brand)));
            return brand;
        });
    }

    @Override
    public Brand updateBrand(OperationContext context, UpdateBrand command) {
        return boundary.call(context, CrmOperations.UPDATE_BRAND, command, (call, c) -> {
            Brand stored = requireVersion(loadBrand(call.access(), c.id()), Brand::version, c.expectedVersion(),
                    "brand", c.id());
            Brand updated = stored.withName(c.name().strip()).withDomains(normalizedDomains(c.domains()))
                    .withOwnerAgentId(c.ownerAgentId()).withTags(c.tags()).next(clock.instant());
            stores.brands().update(updated);
            audit.record(call, AuditAction.BRAND_UPDATED, ref(updated), diff(fields(stored), fields(updated)));
            return updated;
        });
    }

    @Override
    public Brand getBrand(OperationContext context, String id) {
        return boundary.call(context, CrmOperations.GET_BRAND, new Lookups.ById(id),
                (call, c) -> loadBrand(call.access(), c.id()));
    }

    @Override
    public Page<Brand> listBrands(OperationContext context, ListQuery query) {
        return boundary.call(context, CrmOperations.LIST_BRANDS, query, (call, q) -> {
            Optional<String> after = Cursors.decode(q.cursor());
            var filter = new com.breakagency.ports.spi.Brands.Query(Optional.ofNullable(q.namePrefix()),
                    Optional.ofNullable(q.status()), Optional.ofNullable(q.agentId()));
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
                    return stores.brands().findByDomain(domain).filter(b -> call.access().permits(owners(b)));
                });
    }

    private static String domainOf(String address) {
        try {
            return Normalize.domainOf(address);
        } catch (IllegalArgumentException notAnAddress) {
            throw BreakException.validation(List.of(new FieldError("#/address", "Email", "must be an email address or a domain")));
        }
    }

    private Brand loadBrand(Access access, String id) {
        return access.require(stores.brands().findById(id), CrmService::owners, "brand", id);
    }

    // ---- contacts ----

    @Override
    public Contact createContact(OperationContext context, CreateContact command) {
        return boundary.call(context, CrmOperations.CREATE_CONTACT, command, (call, c) -> {
            requireBrandIfGiven(call.access(), c.brandId());
            Instant now = clock.instant();
            String primary = Normalize.email(c.primaryEmail());
            Contact contact = new Contact(ids.nextId(), Optional.ofNullable(c.brandId()), c.name().strip(), primary,
                    otherEmails(primary, c.otherEmails()), Optional.ofNullable(c.title()), Optional.ofNullable(c.phone()),
                    false, 1, now, now);
            stores.contacts().insert(contact);
            audit.record(call, AuditAction.CONTACT_CREATED, ref(contact), diff(Map.of(), fields(contact)));
            return contact;
        });
    }

    @Override
    public Contact updateContact(OperationContext context, UpdateContact command) {
        return boundary.call(context, CrmOperations.UPDATE_CONTACT, command, (call, c) -> {
            Contact stored = requireVersion(loadContact(call.access(), c.id()), Contact::version, c.expectedVersion(),
                    "contact", c.id());
            requireBrandIfGiven(call.access(), c.brandId());
            String primary = Normalize.email(c.primaryEmail());
            Contact updated = stored.withBrandId(Optional.ofNullable(c.brandId())).withName(c.name().strip())
                    .withPrimaryEmail(primary).withOtherEmails(otherEmails(primary, c.otherEmails()))
                    .withTitle(Optional.ofNullable(c.title())).withPhone(Optional.ofNullable(c.phone()))
                    .next(clock.instant());
            stores.contacts().update(updated);
            audit.record(call, AuditAction.CONTACT_UPDATED, ref(updated), diff(fields(stored), fields(updated)));
            return updated;
        });
    }

    @Override
    public Contact getContact(OperationContext context, String id) {
        return boundary.call(context, CrmOperations.GET_CONTACT, new Lookups.ById(id),
                (call, c) -> loadContact(call.access(), c.id()));
    }

    @Override
    public Page<Contact> listContacts(OperationContext context, ListQuery query) {
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
                        .filter(found -> call.access().permits(owners(found))));
    }

    private Contact loadContact(Access access, String id) {
        return access.require(stores.contacts().findById(id), CrmService::owners, "contact", id);
    }

    private void requireBrandIfGiven(Access access, String brandId) {
        if (brandId != null) {
            loadBrand(access, brandId);
        }
    }

    private static Set<String> otherEmails(String primary, Set<String> others) {
        Set<String> normal = new TreeSet<>();
        for (String other : others) {
            normal.add(Normalize.email(other));
        }
        normal.remove(primary);
        return normal;
    }

    // ---- talent ----

    @Override
    public Talent createTalent(OperationContext context, CreateTalent command) {
        return boundary.call(context, CrmOperations.CREATE_TALENT, command, (call, c) -> {
            Instant now = clock.instant();
            Talent talent = new Talent(ids.nextId(), c.name().strip(), c.handles(),
                    Optional.ofNullable(c.email()).map(Normalize::email), Optional.ofNullable(c.managingAgentId()),
                    Optional.ofNullable(c.commissionPlanId()), currency(c.homeCurrency()), false, 1, now, now);
            stores.talents().insert(talent);
            audit.record(call, AuditAction.TALENT_CREATED, ref(talent), diff(Map.of(), fields(talent)));
            return talent;
        });
    }

    @Override
    public Talent updateTalent(OperationContext context, UpdateTalent command) {
        return boundary.call(context, CrmOperations.UPDATE_TALENT, command, (call, c) -> {
            Talent stored = requireVersion(loadTalent(call.access(), c.id()), Talent::version, c.expectedVersion(),
                    "talent", c.id());
            Talent updated = stored.withName(c.name().strip()).withHandles(c.handles())
                    .withEmail(Optional.ofNullable(c.email()).map(Normalize::email))
                    .withManagingAgentId(Optional.ofNullable(c.managingAgentId()))
                    .withCommissionPlanId(Optional.ofNullable(c.commissionPlanId()))
                    .withHomeCurrency(currency(c.homeCurrency())).next(clock.instant());
            stores.talents().update(updated);
            audit.record(call, AuditAction.TALENT_UPDATED, ref(updated), diff(fields(stored), fields(updated)));
            return updated;
        });
    }

    @Override
    public Talent getTalent(OperationContext context, String id) {
        return boundary.call(context, CrmOperations.GET_TALENT, new Lookups.ById(id),
                (call, c) -> loadTalent(call.access(), c.id()));
    }

    @Override
    public Page<Talent> listTalent(OperationContext context, ListQuery query) {
        return boundary.call(context, CrmOperations.LIST_TALENT, query, (call, q) -> {
            Optional<String> after = Cursors.decode(q.cursor());
            var filter = new com.breakagency.ports.spi.Talents.Query(Optional.ofNullable(q.namePrefix()),
                    Optional.ofNullable(q.agentId()), q.includeArchived());
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

    private Talent loadTalent(Access access, String id) {
        return access.require(stores.talents().findById(id), CrmService::owners, "talent", id);
    }

    private static Currency currency(String code) {
        return code == null ? DEFAULT_HOME_CURRENCY : Currency.getInstance(code);
    }

    // ---- archive ----

    @Override
    public void archive(OperationContext context, Archive command) {
        boundary.call(context, CrmOperations.ARCHIVE, command, (call, c) -> {
            Instant now = clock.instant();
            switch (c.type()) {
                case BRAND -> {
                    Brand stored = requireVersion(loadBrand(call.access(), c.id()), Brand::version, c.expectedVersion(), "brand", c.id());
                    Brand archived = stored.withStatus(BrandStatus.ARCHIVED).next(now);
                    stores.brands().update(archived);
                    audit.record(call, AuditAction.BRAND_ARCHIVED, ref(archived), Map.of("status", "ARCHIVED"));
                }
                case CONTACT -> {
                    Contact stored = requireVersion(loadContact(call.access(), c.id()), Contact::version, c.expectedVersion(), "contact", c.id());
                    Contact archived = stored.withArchived(true).next(now);
                    stores.contacts().update(archived);
                    audit.record(call, AuditAction.CONTACT_ARCHIVED, ref(archived), Map.of("archived", "true"));
                }
                case TALENT -> {
                    Talent stored = requireVersion(loadTalent(call.access(), c.id()), Talent::version, c.expectedVersion(), "talent", c.id());
                    Talent archived = stored.withArchived(true).next(now);
                    stores.talents().update(archived);
                    audit.record(call, AuditAction.TALENT_ARCHIVED, ref(archived), Map.of("archived", "true"));
                }
                default -> throw BreakException.validation(List.of(new FieldError("#/type", "ArchivableType",
                        "must be BRAND, CONTACT or TALENT")));
            }
            return null;
        });
    }

    // ---- deals ----

    @Override
    public Deal createDeal(OperationContext context, CreateDeal command) {
        return boundary.call(context, CrmOperations.CREATE_DEAL, command, (call, c) -> {
            Instant now = clock.instant();
            Deal deal = new Deal(ids.nextId(), c.brandId(), c.talentId(), c.ownerAgentId(), c.title().strip(),
                    Money.of(c.valueMinorUnits(), c.currency()), DealStage.NEW_LEAD,
                    Optional.ofNullable(c.commissionPlanId()), 1, now, now);
            if (!call.access().permits(owners(deal))) {
                throw BreakException.forbidden(call.context().operationName());
            }
            Access staff = Access.unrestricted(call.context().actor(), call.context().operationName());
            loadBrand(staff, c.brandId());
            loadTalent(staff, c.talentId());
            stores.deals().insert(deal);
            audit.record(call, AuditAction.DEAL_CREATED, ref(deal), diff(Map.of(), fields(deal)));
            return deal;
        });
    }

    @Override
    public Deal updateDeal(OperationContext context, UpdateDeal command) {
        return boundary.call(context, CrmOperations.UPDATE_DEAL, command, (call, c) -> {
            Deal stored = requireVersion(loadDeal(call.access(), c.id()), Deal::version, c.expectedVersion(), "deal", c.id());
            Deal updated = stored.withOwnerAgentId(c.ownerAgentId()).withTitle(c.title().strip())
                    .withValue(Money.of(c.valueMinorUnits(), c.currency()))
                    .withCommissionPlanId(Optional.ofNullable(c.commissionPlanId())).next(clock.instant());
            stores.deals().update(updated);
            audit.record(call, AuditAction.DEAL_UPDATED, ref(updated), diff(fields(stored), fields(updated)));
            return updated;
        });
    }

    @Override
    public Deal moveDealStage(OperationContext context, MoveDealStage command) {
        return boundary.call(context, CrmOperations.MOVE_DEAL_STAGE, command, (call, c) -> {
            Deal stored = requireVersion(loadDeal(call.access(), c.id()), Deal::version, c.expectedVersion(), "deal", c.id());
            DealPipeline.requireByHand(stored.stage(), c.to());
            return stages.move(call, stored, c.to());
        });
    }

    @Override
    public Deal getDeal(OperationContext context, String id) {
        return boundary.call(context, CrmOperations.GET_DEAL, new Lookups.ById(id),
                (call, c) -> loadDeal(call.access(), c.id()));
    }

    @Override
    public Page<Deal> listDeals(OperationContext context, ListQuery query) {
        return boundary.call(context, CrmOperations.LIST_DEALS, query, (call, q) -> {
            Optional<String> after = Cursors.decode(q.cursor());
            // a portal user sees the deals of their own talent profile or brand; the page is empty when the
            // filters ask for someone else's
            Optional<Scope.Filter> scope = Scope.of(call.access(), Scope.Filter.of(q.agentId(), q.talentId(), q.brandId()),
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

    private Deal loadDeal(Access access, String id) {
        return access.require(stores.deals().findById(id), CrmService::owners, "deal", id);
    }

    // ---- timeline ----

    @Override
    public Activity addNote(OperationContext context, AddNote command) {
        // a note on a deal writes to the deal: the table authorizes it as such
        boolean onDeal = command != null && command.subject() != null && command.subject().type() == EntityType.DEAL;
        return boundary.call(context, onDeal ? CrmOperations.ADD_DEAL_NOTE : CrmOperations.ADD_NOTE, command, (call, c) -> {
            requireSubject(call.access(), c.subject());
            Activity note = new Activity(ids.nextId(), c.subject(), ActivityKind.NOTE,
                    call.context().actor().userId(), clock.instant(), c.text(), c.visibility());
            stores.activities().append(note);
            audit.record(call, AuditAction.NOTE_ADDED, c.subject(),
                    Map.of("activityId", note.id(), "visibility", note.visibility().name()));
            return note;
        });
    }

    @Override
    public Page<Activity> timeline(OperationContext context, EntityRef subject, String cursor, int limit) {
        return boundary.call(context, CrmOperations.TIMELINE, new Lookups.TimelinePage(subject, cursor, limit),
                (call, q) -> {
                    Optional<String> before = Cursors.decode(q.cursor());
                    requireSubject(call.access(), q.subject());
                    // portal users read only what the agency shared with them; staff read everything
                    Set<Visibility> visible = call.access().sharedOnly() ? Set.of(Visibility.SHARED) : Set.of();
                    return Pages.of(stores.activities().timeline(q.subject(), visible, before, q.limit() + 1),
                            q.limit(), Activity::id);
                });
    }

    private void requireSubject(Access access, EntityRef subject) {
        switch (subject.type()) {
            case BRAND -> loadBrand(access, subject.id());
            case CONTACT -> loadContact(access, subject.id());
            case TALENT -> loadTalent(access, subject.id());
            case DEAL -> loadDeal(access, subject.id());
            default -> throw BreakException.validation(List.of(new FieldError("#/subject/type", "TimelineSubject",
                    "must be BRAND, CONTACT, TALENT or DEAL")));
        }
    }

    // ---- shared ----

    private static <T> T requireVersion(T stored, java.util.function.ToLongFunction<T> version, long expected,
                                        String entity, String id) {
        if (version.applyAsLong(stored) != expected) {
            throw BreakException.versionMismatch(entity, id);
        }
        return stored;
    }

    private static Set<String> normalizedDomains(Set<String> domains) {
        return domains.stream().map(Normalize::domain).collect(Collectors.toCollection(TreeSet::new));
    }

    private static EntityRef ref(Brand b) {
        return EntityRef.of(EntityType.BRAND, b.id());
    }

    private static EntityRef ref(Contact c) {
        return EntityRef.of(EntityType.CONTACT, c.id());
    }

    private static EntityRef ref(Talent t) {
        return EntityRef.of(EntityType.TALENT, t.id());
    }

    private static EntityRef ref(Deal d) {
        return EntityRef.of(EntityType.DEAL, d.id());
    }

    private static Map<String, String> fields(Brand b) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", b.name());
        f.put("domains", String.join(",", new TreeSet<>(b.domains())));
        f.put("ownerAgentId", b.ownerAgentId());
        f.put("tags", String.join(",", new TreeSet<>(b.tags())));
        f.put("status", b.status().name());
        return f;
    }

    // personal data (addresses, phone numbers) is recorded as changed, never by value
    private static Map<String, String> fields(Contact c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", c.name());
        f.put("brandId", c.brandId().orElse(""));
        f.put("title", c.title().orElse(""));
        f.put("emails", Integer.toHexString(c.allEmails().hashCode()));
        f.put("phone", Integer.toHexString(c.phone().hashCode()));
        return f;
    }

    private static Map<String, String> fields(Talent t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", t.name());
        f.put("managingAgentId", t.managingAgentId().orElse(""));
        f.put("commissionPlanId", t.commissionPlanId().orElse(""));
        f.put("homeCurrency", t.homeCurrency().getCurrencyCode());
        f.put("handles", t.handles().stream().map(h -> h.platform() + ":" + h.handle()).collect(Collectors.joining(",")));
        f.put("email", Integer.toHexString(t.email().hashCode()));
        return f;
    }

    private static Map<String, String> fields(Deal d) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", d.title());
        f.put("value", d.value().toString());
        f.put("ownerAgentId", d.ownerAgentId());
        f.put("commissionPlanId", d.commissionPlanId().orElse(""));
        f.put("stage", d.stage().name());
        return f;
    }

    private static final Set<String> PERSONAL = Set.of("emails", "phone", "email");

    private static Map<String, String> diff(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changes = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(after.keySet());
        for (String key : keys) {
            String now = after.get(key);
            if (!Objects.equals(before.get(key), now)) {
                changes.put(key, PERSONAL.contains(key) ? "[changed]" : now);
            }
        }
        return changes;
    }
}
