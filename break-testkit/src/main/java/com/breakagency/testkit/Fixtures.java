package com.breakagency.testkit;

import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Activity;
import com.breakagency.ports.model.crm.ActivityKind;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.BrandStatus;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.SocialHandle;
import com.breakagency.ports.model.crm.Talent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CRM and audit records ready to store, for tests that read like the domain: {@code aBrand()},
 * {@code aDeal(brandId, talentId, agentId)}, {@code aNote(subject)}.
 *
 * <p>Every record is new: fresh ids from {@link TestIds}, fresh domains and addresses (so uniqueness
 * never trips by accident), version 1, and {@link #NOW} as its timestamps. Domains and addresses are
 * already normalized, as stores expect them.
 */
public final class Fixtures {

    /**
     * When fixtures are created: a Monday morning, with a microsecond part so that a round trip proves a
     * store keeps microseconds (what relational databases keep).
     */
    public static final Instant NOW = Instant.parse("2026-01-05T09:00:00.123456Z");

    private Fixtures() {
    }

    /**
     * A new id.
     *
     * @return an id from {@link TestIds}
     */
    public static String anId() {
        return TestIds.next();
    }

    /**
     * A domain nobody owns yet, normalized.
     *
     * @return such as {@code d<fresh id>.example.com}
     */
    public static String aDomain() {
        return "d" + TestIds.next() + ".example.com";
    }

    /**
     * An address nobody has yet, normalized.
     *
     * @return such as {@code c<fresh id>@example.com}
     */
    public static String anEmail() {
        return "c" + TestIds.next() + "@example.com";
    }

    /**
     * An active brand with one fresh domain, owned by a fresh agent.
     *
     * @return the brand
     */
    public static Brand aBrand() {
        return aBrand(aDomain());
    }

    /**
     * An active brand with these domains, owned by a fresh agent.
     *
     * @param domains normalized domains
     * @return the brand
     */
    public static Brand aBrand(String... domains) {
        return new Brand(anId(), "Acme Skincare", Set.copyOf(Arrays.asList(domains)), BrandStatus.ACTIVE, anId(),
                Set.of("beauty", "skincare"), 1, NOW, NOW);
    }

    /**
     * An active brand with one fresh domain, owned by an agent.
     *
     * @param agentId the owning agent
     * @return the brand
     */
    public static Brand aBrandOwnedBy(String agentId) {
        Brand brand = aBrand();
        return new Brand(brand.id(), brand.name(), brand.domains(), brand.status(), agentId, brand.tags(),
                brand.version(), brand.createdAt(), brand.updatedAt());
    }

    /**
     * A contact with a fresh primary address, a title and a phone number, at no brand.
     *
     * @return the contact
     */
    public static Contact aContact() {
        return aContact(anEmail());
    }

    /**
     * A contact with these addresses, at no brand.
     *
     * @param primaryEmail the main address, normalized
     * @param otherEmails  further addresses, normalized
     * @return the contact
     */
    public static Contact aContact(String primaryEmail, String... otherEmails) {
        return new Contact(anId(), Optional.empty(), "Jane Doe", primaryEmail, Set.copyOf(Arrays.asList(otherEmails)),
                Optional.of("Head of Partnerships"), Optional.of("+44 20 7946 0000"), false, 1, NOW, NOW);
    }

    /**
     * A contact with a fresh address who works for a brand.
     *
     * @param brandId the brand
     * @return the contact
     */
    public static Contact aContactOf(String brandId) {
        Contact c = aContact();
        return new Contact(c.id(), Optional.of(brandId), c.name(), c.primaryEmail(), c.otherEmails(), c.title(),
                c.phone(), c.archived(), c.version(), c.createdAt(), c.updatedAt());
    }

    /**
     * A talent with two social accounts, an address and a fresh managing agent, paid in GBP.
     *
     * @return the profile
     */
    public static Talent aTalent() {
        return aTalentManagedBy(anId());
    }

    /**
     * A talent managed by an agent.
     *
     * @param agentId the managing agent
     * @return the profile
     */
    public static Talent aTalentManagedBy(String agentId) {
        return new Talent(anId(), "Sam Creator",
                List.of(new SocialHandle("instagram", "samcreates"), new SocialHandle("tiktok", "sam.creates")),
                Optional.of(anEmail()), Optional.of(agentId), Optional.empty(), Currency.getInstance("GBP"), false, 1,
                NOW, NOW);
    }

    /**
     * A new lead worth GBP 2,500.00.
     *
     * @param brandId  the brand
     * @param talentId the talent
     * @param agentId  the owning agent
     * @return the deal
     */
    public static Deal aDeal(String brandId, String talentId, String agentId) {
        return new Deal(anId(), brandId, talentId, agentId, "Spring campaign: 3 posts", Money.of(250_000, "GBP"),
                DealStage.NEW_LEAD, Optional.empty(), 1, NOW, NOW);
    }

    /**
     * A note on a timeline, by a fresh author.
     *
     * @param subject whose timeline
     * @return the entry
     */
    public static Activity aNote(EntityRef subject) {
        return new Activity(anId(), subject, ActivityKind.NOTE, anId(), NOW,
                "Called them; they want a deck by Friday.");
    }

    /**
     * An audit event at {@link #NOW} by a fresh agent.
     *
     * @param action what happened
     * @param entity to which record
     * @return the event
     */
    public static AuditEvent anAuditEvent(AuditAction action, EntityRef entity) {
        return anAuditEvent(action, entity, NOW);
    }

    /**
     * An audit event by a fresh agent.
     *
     * @param action what happened
     * @param entity to which record
     * @param at     when
     * @return the event
     */
    public static AuditEvent anAuditEvent(AuditAction action, EntityRef entity, Instant at) {
        return new AuditEvent(anId(), action, entity, anId(), Set.of(Role.AGENT), anId(), at,
                Map.of("name", "Acme Skincare"));
    }
}
