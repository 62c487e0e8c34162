package com.breakagency.ports.api;

import com.breakagency.ports.api.crm.AddNote;
import com.breakagency.ports.api.crm.Archive;
import com.breakagency.ports.api.crm.BrandQuery;
import com.breakagency.ports.api.crm.ContactQuery;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateContact;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.DealQuery;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.crm.TalentQuery;
import com.breakagency.ports.api.crm.TimelineQuery;
import com.breakagency.ports.api.crm.UpdateBrand;
import com.breakagency.ports.api.crm.UpdateContact;
import com.breakagency.ports.api.crm.UpdateDeal;
import com.breakagency.ports.api.crm.UpdateTalent;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.crm.Activity;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.Talent;
import java.util.Optional;

/**
 * The CRM: brands, contacts, talent, deals and their timelines.
 *
 * <p>Every method passes Break's boundary and throws only {@link BreakException}: VALIDATION_FAILED for
 * a command that breaks its constraints, FORBIDDEN when the actor's roles do not allow the operation
 * (or the record is not theirs; a missing record is FORBIDDEN too for such actors), NOT_FOUND,
 * CONFLICT/VERSION_MISMATCH for a stale {@code expectedVersion}, CONFLICT/ALREADY_EXISTS naming the
 * field for a taken domain or email address, CONFLICT/INVALID_STATE_TRANSITION for a stage move the
 * pipeline does not allow. Every write appends an audit event in the same unit of work.
 *
 * <p>Listings are keyset-paginated in creation order: pass each page's {@code nextCursor} back in
 * the query's {@code after(String)}; items inserted meanwhile never make an item repeat or go missing.
 * Thread-safe.
 */
public interface Crm {

    /**
     * Creates a brand (ADMIN, AGENT).
     *
     * @param context who calls
     * @param command the brand
     * @return the stored brand, version 1
     */
    Brand createBrand(OperationContext context, CreateBrand command);

    /**
     * Changes a brand (ADMIN, AGENT).
     *
     * @param context who calls
     * @param command the new state and the version read
     * @return the stored brand
     */
    Brand updateBrand(OperationContext context, UpdateBrand command);

    /**
     * Reads a brand (staff; a BRAND user their own brand).
     *
     * @param context who calls
     * @param id      the brand
     * @return the brand
     */
    Brand getBrand(OperationContext context, String id);

    /**
     * Lists brands, filtered by name prefix, status and owning agent.
     *
     * @param context who calls
     * @param query   filters, cursor and page size
     * @return one page
     */
    Page<Brand> listBrands(OperationContext context, BrandQuery query);

    /**
     * Finds the brand of an email address or domain: for {@code jane@Brand.com} (or {@code Brand.com})
     * the brand with domain {@code brand.com}. Case and surrounding space are ignored; the look-up is an
     * index look-up in every adapter.
     *
     * @param context      who calls
     * @param emailOrDomain an address or a bare domain
     * @return the brand, if one owns the domain
     */
    Optional<Brand> findBrandByDomain(OperationContext context, String emailOrDomain);

    /**
     * Creates a contact (ADMIN, AGENT).
     *
     * @param context who calls
     * @param command the contact
     * @return the stored contact
     */
    Contact createContact(OperationContext context, CreateContact command);

    /**
     * Changes a contact (ADMIN, AGENT).
     *
     * @param context who calls
     * @param command the new state and the version read
     * @return the stored contact
     */
    Contact updateContact(OperationContext context, UpdateContact command);

    /**
     * Reads a contact (staff; a BRAND user their own brand's contacts).
     *
     * @param context who calls
     * @param id      the contact
     * @return the contact
     */
    Contact getContact(OperationContext context, String id);

    /**
     * Lists contacts, filtered by brand and name prefix, archived ones only when asked for.
     *
     * @param context who calls
     * @param query   filters, cursor and page size
     * @return one page
     */
    Page<Contact> listContacts(OperationContext context, ContactQuery query);

    /**
     * Finds the contact with an address (primary or other), ignoring case and surrounding space; an
     * index look-up in every adapter.
     *
     * @param context who calls
     * @param email   the address
     * @return the contact, if any
     */
    Optional<Contact> findContactByEmail(OperationContext context, String email);

    /**
     * Creates a talent profile (ADMIN, AGENT).
     *
     * @param context who calls
     * @param command the profile
     * @return the stored profile
     */
    Talent createTalent(OperationContext context, CreateTalent command);

    /**
     * Changes a talent profile (ADMIN, AGENT).
     *
     * @param context who calls
     * @param command the new state and the version read
     * @return the stored profile
     */
    Talent updateTalent(OperationContext context, UpdateTalent command);

    /**
     * Reads a talent profile (staff; a TALENT user their own).
     *
     * @param context who calls
     * @param id      the profile
     * @return the profile
     */
    Talent getTalent(OperationContext context, String id);

    /**
     * Lists talent, filtered by name prefix and managing agent, archived profiles only when asked for.
     *
     * @param context who calls
     * @param query   filters, cursor and page size
     * @return one page
     */
    Page<Talent> listTalent(OperationContext context, TalentQuery query);

    /**
     * Archives a brand, contact or talent profile (ADMIN, AGENT).
     *
     * @param context who calls
     * @param command what to archive and the version read
     */
    void archive(OperationContext context, Archive command);

    /**
     * Creates a deal in NEW_LEAD (ADMIN; an AGENT for deals they own).
     *
     * @param context who calls
     * @param command the deal
     * @return the stored deal
     */
    Deal createDeal(OperationContext context, CreateDeal command);

    /**
     * Changes a deal's editable fields (ADMIN; an AGENT their own deals).
     *
     * @param context who calls
     * @param command the new state and the version read
     * @return the stored deal
     */
    Deal updateDeal(OperationContext context, UpdateDeal command);

    /**
     * Moves a deal by hand (ADMIN; an AGENT their own deals): forward to any later stage up to
     * PAYMENT_PENDING, back one stage from NEGOTIATION or CONTRACT_SENT, to LOST from any stage before
     * PAYMENT_RECEIVED, from LOST back to NEW_LEAD, and to COMPLETED from PAYMENT_RECEIVED. PAYMENT_RECEIVED
     * is set by finance, never by hand. Anything else is CONFLICT/INVALID_STATE_TRANSITION and changes
     * nothing.
     *
     * @param context who calls
     * @param command the move and the version read
     * @return the stored deal
     */
    Deal moveDealStage(OperationContext context, MoveDealStage command);

    /**
     * Reads a deal (staff; TALENT and BRAND users their own deals).
     *
     * @param context who calls
     * @param id      the deal
     * @return the deal
     */
    Deal getDeal(OperationContext context, String id);

    /**
     * Lists deals, filtered by brand, talent, owning agent and stage.
     * TALENT and BRAND users see only their own deals.
     *
     * @param context who calls
     * @param query   filters, cursor and page size
     * @return one page
     */
    Page<Deal> listDeals(OperationContext context, DealQuery query);

    /**
     * Adds a note to a timeline. ADMIN on any subject; AGENT on any brand, contact or talent profile and on
     * the deals they own now (a note on a deal is a write to the deal: it runs as operation
     * {@code crm.addDealNote}, which the policy table grants agents for their own deals only).
     *
     * <p>The note is {@link com.breakagency.ports.model.crm.Visibility#INTERNAL INTERNAL}, read by the
     * agency's staff only, unless the command is {@link AddNote#shared(EntityRef, String)}: a
     * {@link com.breakagency.ports.model.crm.Visibility#SHARED SHARED} note is read by the subject's BRAND and
     * TALENT portal users too.
     *
     * @param context who calls
     * @param command the subject, the text and who may read it
     * @return the stored entry
     */
    Activity addNote(OperationContext context, AddNote command);

    /**
     * Reads a timeline page, newest first (whoever may read the subject). Staff read every entry; BRAND and
     * TALENT portal users read only the {@link com.breakagency.ports.model.crm.Visibility#SHARED SHARED}
     * ones, which the store filters before it counts, so their pages are as full as anyone's.
     *
     * @param context who calls
     * @param query   whose timeline, cursor and page size
     * @return one page
     */
    Page<Activity> timeline(OperationContext context, TimelineQuery query);
}
