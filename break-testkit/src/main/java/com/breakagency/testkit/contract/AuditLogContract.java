package com.breakagency.testkit.contract;

import static com.breakagency.testkit.Fixtures.NOW;
import static com.breakagency.testkit.Fixtures.anAuditEvent;
import static com.breakagency.testkit.Fixtures.anId;
import static com.breakagency.testkit.contract.ContractSupport.assertAlreadyExists;
import static com.breakagency.testkit.contract.ContractSupport.pageThrough;
import static com.breakagency.testkit.contract.ContractSupport.runAndRollBack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.spi.AuditLog;
import com.breakagency.ports.spi.Persistence;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every promise of the {@link AuditLog} port. An adapter's test extends this class and returns a fresh
 * bundle from {@link #persistence()}.
 *
 * <p>Both listings are ordered by id, oldest (smallest) first, never by {@link AuditEvent#at()}; an
 * entity is its type and id together; {@code byAction} takes {@code at} in the half-open range
 * {@code [from, to)}. Adapters must keep instants to at least the microsecond (the range bounds are
 * compared to the microsecond), keep an event's roles and changes exactly, order ids as
 * {@link String#compareTo(String)} does, and fill every page: a page holds the first {@code limit}
 * matching events after the cursor, so only the last page is shorter than the limit.
 *
 * <p>Tests of {@code byEntity} use fresh entities. Tests of {@code byAction} rely on the factory's
 * promise of an empty log: they use fixed time ranges around {@link com.breakagency.testkit.Fixtures#NOW}.
 * So do the tests of {@code latest}, which looks at every event of an action.
 */
public abstract class AuditLogContract {

    private static final Instant FROM = NOW.truncatedTo(ChronoUnit.HOURS);
    private static final Instant TO = FROM.plus(1, ChronoUnit.HOURS);

    private Persistence persistence;
    private AuditLog auditLog;

    /**
     * The bundle under test. Called once before each test; must return a fresh, empty bundle whose
     * stores share its {@link Persistence#transactions()}.
     *
     * @return the bundle
     */
    protected abstract Persistence persistence();

    @BeforeEach
    void openStores() {
        persistence = persistence();
        auditLog = persistence.auditLog();
    }

    @Test
    void appended_events_read_back_equal() {
        EntityRef deal = aDeal();
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("stage", "CONTRACT_SIGNED");
        changes.put("title", "Spring campaign \u2014 3 posts");
        changes.put("commissionPlanId", "");
        AuditEvent rich = new AuditEvent(anId(), AuditAction.DEAL_STAGE_CHANGED, deal, anId(),
                Set.of(Role.AGENT, Role.ADMIN, Role.FINANCE), anId(), Instant.parse("2026-03-29T00:59:59.999999Z"),
                changes);
        AuditEvent bare = new AuditEvent(anId(), AuditAction.DEAL_UPDATED, deal, anId(), Set.of(Role.SYSTEM), anId(),
                NOW, Map.of());
        auditLog.append(rich);
        auditLog.append(bare);

        assertEquals(List.of(rich, bare), auditLog.byEntity(deal, Optional.empty(), 10));
    }

    @Test
    void a_taken_id_is_refused_naming_id_and_the_stored_event_stays() {
        EntityRef brand = aBrand();
        AuditEvent first = anAuditEvent(AuditAction.BRAND_CREATED, brand);
        auditLog.append(first);
        AuditEvent sameId = new AuditEvent(first.id(), AuditAction.BRAND_ARCHIVED, brand, anId(), Set.of(Role.ADMIN),
                anId(), NOW, Map.of());

        assertAlreadyExists("id", () -> auditLog.append(sameId));

        assertEquals(List.of(first), auditLog.byEntity(brand, Optional.empty(), 10));
    }

    // ---- by entity ---------------------------------------------------------------------------------

    @Test
    void by_entity_is_oldest_id_first_whatever_the_insertion_order_or_the_times() {
        EntityRef brand = aBrand();
        AuditEvent first = anAuditEvent(AuditAction.BRAND_CREATED, brand, NOW.plus(1, ChronoUnit.DAYS));
        AuditEvent second = anAuditEvent(AuditAction.BRAND_UPDATED, brand, NOW);
        AuditEvent third = anAuditEvent(AuditAction.BRAND_ARCHIVED, brand, NOW.minus(1, ChronoUnit.DAYS));
        auditLog.append(third);
        auditLog.append(first);
        auditLog.append(second);

        assertEquals(List.of(first, second, third), auditLog.byEntity(brand, Optional.empty(), 10));
    }

    @Test
    void by_entity_holds_only_that_entitys_events() {
        String sharedId = anId();
        EntityRef brand = EntityRef.of(EntityType.BRAND, sharedId);
        EntityRef contactWithSameId = EntityRef.of(EntityType.CONTACT, sharedId);
        AuditEvent onBrand = anAuditEvent(AuditAction.BRAND_UPDATED, brand);
        AuditEvent onContact = anAuditEvent(AuditAction.CONTACT_UPDATED, contactWithSameId);
        auditLog.append(onBrand);
        auditLog.append(onContact);
        auditLog.append(anAuditEvent(AuditAction.BRAND_UPDATED, aBrand()));

        assertEquals(List.of(onBrand), auditLog.byEntity(brand, Optional.empty(), 10));
        assertEquals(List.of(onContact), auditLog.byEntity(contactWithSameId, Optional.empty(), 10));
        assertEquals(List.of(), auditLog.byEntity(aBrand(), Optional.empty(), 10));
    }

    @Test
    void by_entity_pages_with_after_id_and_limit() {
        EntityRef brand = aBrand();
        List<AuditEvent> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            AuditEvent e = anAuditEvent(AuditAction.BRAND_UPDATED, brand);
            auditLog.append(e);
            made.add(e);
        }

        assertEquals(made.subList(2, 5), auditLog.byEntity(brand, Optional.of(made.get(1).id()), 3));
        assertEquals(List.of(), auditLog.byEntity(brand, Optional.of(made.get(6).id()), 3));
        for (int limit : new int[] {1, 2, 3, 7, 8}) {
            assertEquals(made, pageThrough((cursor, n) -> auditLog.byEntity(brand, cursor, n), AuditEvent::id, limit,
                    true), "limit " + limit);
        }
    }

    // ---- by action ---------------------------------------------------------------------------------

    @Test
    void by_action_takes_events_from_the_start_of_the_range_up_to_but_not_including_its_end() {
        AuditEvent beforeFrom = event(AuditAction.DEAL_CREATED, FROM.minus(1, ChronoUnit.MICROS));
        AuditEvent atFrom = event(AuditAction.DEAL_CREATED, FROM);
        AuditEvent inside = event(AuditAction.DEAL_CREATED, FROM.plus(17, ChronoUnit.MINUTES));
        AuditEvent lastMicro = event(AuditAction.DEAL_CREATED, TO.minus(1, ChronoUnit.MICROS));
        AuditEvent atTo = event(AuditAction.DEAL_CREATED, TO);
        for (AuditEvent e : List.of(beforeFrom, atFrom, inside, lastMicro, atTo)) {
            auditLog.append(e);
        }

        assertEquals(List.of(atFrom, inside, lastMicro),
                auditLog.byAction(AuditAction.DEAL_CREATED, FROM, TO, Optional.empty(), 10));
        assertEquals(List.of(atFrom), auditLog.byAction(AuditAction.DEAL_CREATED, FROM,
                FROM.plus(1, ChronoUnit.MICROS), Optional.empty(), 10));
        assertEquals(List.of(), auditLog.byAction(AuditAction.DEAL_CREATED, FROM, FROM, Optional.empty(), 10));
    }

    @Test
    void by_action_holds_only_that_action_oldest_id_first() {
        AuditEvent first = event(AuditAction.NOTE_ADDED, FROM.plus(40, ChronoUnit.MINUTES));
        AuditEvent other = event(AuditAction.TALENT_CREATED, FROM.plus(10, ChronoUnit.MINUTES));
        AuditEvent second = event(AuditAction.NOTE_ADDED, FROM.plus(5, ChronoUnit.MINUTES));
        auditLog.append(second);
        auditLog.append(other);
        auditLog.append(first);

        assertEquals(List.of(first, second), auditLog.byAction(AuditAction.NOTE_ADDED, FROM, TO, Optional.empty(), 10));
        assertEquals(List.of(other), auditLog.byAction(AuditAction.TALENT_CREATED, FROM, TO, Optional.empty(), 10));
        assertEquals(List.of(), auditLog.byAction(AuditAction.TALENT_ARCHIVED, FROM, TO, Optional.empty(), 10));
    }

    @Test
    void by_action_pages_with_after_id_and_limit() {
        List<AuditEvent> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            AuditEvent e = event(AuditAction.CONTACT_CREATED, FROM.plus(7 - i, ChronoUnit.MINUTES));
            auditLog.append(e);
            made.add(e);
        }
        auditLog.append(event(AuditAction.CONTACT_CREATED, TO.plus(1, ChronoUnit.MINUTES)));

        assertEquals(made.subList(4, 7),
                auditLog.byAction(AuditAction.CONTACT_CREATED, FROM, TO, Optional.of(made.get(3).id()), 5));
        for (int limit : new int[] {1, 2, 3, 7, 8}) {
            assertEquals(made, pageThrough((cursor, n) -> auditLog.byAction(AuditAction.CONTACT_CREATED, FROM, TO,
                    cursor, n), AuditEvent::id, limit, true), "limit " + limit);
        }
    }

    // ---- latest ------------------------------------------------------------------------------------

    @Test
    void latest_is_the_event_of_the_action_with_the_greatest_id_whatever_its_time() {
        assertEquals(Optional.empty(), auditLog.latest(AuditAction.INVOICE_VOIDED));
        AuditEvent first = event(AuditAction.INVOICE_VOIDED, FROM.plus(30, ChronoUnit.MINUTES));
        AuditEvent second = event(AuditAction.INVOICE_VOIDED, FROM.plus(10, ChronoUnit.MINUTES));
        AuditEvent otherAction = event(AuditAction.INVOICE_ISSUED, FROM.plus(50, ChronoUnit.MINUTES));
        auditLog.append(second);
        auditLog.append(first);
        auditLog.append(otherAction);

        assertEquals(Optional.of(second), auditLog.latest(AuditAction.INVOICE_VOIDED));
        assertEquals(Optional.of(otherAction), auditLog.latest(AuditAction.INVOICE_ISSUED));
        assertEquals(Optional.empty(), auditLog.latest(AuditAction.INVOICE_CREATED));
    }

    @Test
    void a_rolled_back_event_is_never_the_latest() {
        AuditEvent kept = event(AuditAction.COMMISSION_PLAN_SAVED, FROM.plus(1, ChronoUnit.MINUTES));
        auditLog.append(kept);

        runAndRollBack(persistence.transactions(),
                () -> auditLog.append(event(AuditAction.COMMISSION_PLAN_SAVED, FROM.plus(2, ChronoUnit.MINUTES))));

        assertEquals(Optional.of(kept), auditLog.latest(AuditAction.COMMISSION_PLAN_SAVED));
    }

    // ---- units of work -----------------------------------------------------------------------------

    @Test
    void a_rolled_back_append_leaves_no_event() {
        EntityRef brand = aBrand();
        AuditEvent kept = event(AuditAction.BRAND_ARCHIVED, brand, FROM.plus(1, ChronoUnit.MINUTES));
        auditLog.append(kept);
        AuditEvent rolledBack = event(AuditAction.BRAND_ARCHIVED, brand, FROM.plus(2, ChronoUnit.MINUTES));

        runAndRollBack(persistence.transactions(), () -> auditLog.append(rolledBack));

        assertEquals(List.of(kept), auditLog.byEntity(brand, Optional.empty(), 10));
        assertEquals(List.of(kept), auditLog.byAction(AuditAction.BRAND_ARCHIVED, FROM, TO, Optional.empty(), 10));
        auditLog.append(rolledBack);
        assertEquals(List.of(kept, rolledBack), auditLog.byEntity(brand, Optional.empty(), 10));
    }

    @Test
    void a_unit_of_work_sees_its_own_uncommitted_events() {
        EntityRef brand = aBrand();
        AuditEvent e = anAuditEvent(AuditAction.BRAND_CREATED, brand);

        persistence.transactions().inTransaction(() -> {
            auditLog.append(e);
            assertEquals(List.of(e), auditLog.byEntity(brand, Optional.empty(), 10));
            return null;
        });

        assertEquals(List.of(e), auditLog.byEntity(brand, Optional.empty(), 10));
    }

    private static AuditEvent event(AuditAction action, Instant at) {
        return anAuditEvent(action, aBrand(), at);
    }

    private static AuditEvent event(AuditAction action, EntityRef entity, Instant at) {
        return anAuditEvent(action, entity, at);
    }

    private static EntityRef aBrand() {
        return EntityRef.of(EntityType.BRAND, anId());
    }

    private static EntityRef aDeal() {
        return EntityRef.of(EntityType.DEAL, anId());
    }
}
