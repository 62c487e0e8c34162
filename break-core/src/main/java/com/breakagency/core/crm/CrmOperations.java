package com.breakagency.core.crm;

import com.breakagency.core.boundary.Operation;
import java.util.List;

/** The names of the CRM's operations, as the policy table, the MDC and reports know them. */
public final class CrmOperations {

    /** Creates a brand. */
    public static final Operation CREATE_BRAND = new Operation("crm.createBrand");
    /** Changes a brand. */
    public static final Operation UPDATE_BRAND = new Operation("crm.updateBrand");
    /** Reads a brand. */
    public static final Operation GET_BRAND = new Operation("crm.getBrand");
    /** Lists brands. */
    public static final Operation LIST_BRANDS = new Operation("crm.listBrands");
    /** Finds a brand by domain. */
    public static final Operation FIND_BRAND_BY_DOMAIN = new Operation("crm.findBrandByDomain");
    /** Creates a contact. */
    public static final Operation CREATE_CONTACT = new Operation("crm.createContact");
    /** Changes a contact. */
    public static final Operation UPDATE_CONTACT = new Operation("crm.updateContact");
    /** Reads a contact. */
    public static final Operation GET_CONTACT = new Operation("crm.getContact");
    /** Lists contacts. */
    public static final Operation LIST_CONTACTS = new Operation("crm.listContacts");
    /** Finds a contact by email. */
    public static final Operation FIND_CONTACT_BY_EMAIL = new Operation("crm.findContactByEmail");
    /** Creates a talent profile. */
    public static final Operation CREATE_TALENT = new Operation("crm.createTalent");
    /** Changes a talent profile. */
    public static final Operation UPDATE_TALENT = new Operation("crm.updateTalent");
    /** Reads a talent profile. */
    public static final Operation GET_TALENT = new Operation("crm.getTalent");
    /** Lists talent. */
    public static final Operation LIST_TALENT = new Operation("crm.listTalent");
    /** Archives a brand, contact or talent profile. */
    public static final Operation ARCHIVE = new Operation("crm.archive");
    /** Creates a deal. */
    public static final Operation CREATE_DEAL = new Operation("crm.createDeal");
    /** Changes a deal. */
    public static final Operation UPDATE_DEAL = new Operation("crm.updateDeal");
    /** Moves a deal's stage. */
    public static final Operation MOVE_DEAL_STAGE = new Operation("crm.moveDealStage");
    /** Reads a deal. */
    public static final Operation GET_DEAL = new Operation("crm.getDeal");
    /** Lists deals. */
    public static final Operation LIST_DEALS = new Operation("crm.listDeals");
    /** Adds a note to the timeline of a brand, contact or talent profile. */
    public static final Operation ADD_NOTE = new Operation("crm.addNote");
    /** Adds a note to the timeline of a deal: writing to the deal, so agents only on the deals they own. */
    public static final Operation ADD_DEAL_NOTE = new Operation("crm.addDealNote");
    /** Reads a timeline. */
    public static final Operation TIMELINE = new Operation("crm.timeline");

    /** Every CRM operation. */
    public static final List<Operation> ALL = List.of(CREATE_BRAND, UPDATE_BRAND, GET_BRAND, LIST_BRANDS,
            FIND_BRAND_BY_DOMAIN, CREATE_CONTACT, UPDATE_CONTACT, GET_CONTACT, LIST_CONTACTS, FIND_CONTACT_BY_EMAIL,
            CREATE_TALENT, UPDATE_TALENT, GET_TALENT, LIST_TALENT, ARCHIVE, CREATE_DEAL, UPDATE_DEAL, MOVE_DEAL_STAGE,
            GET_DEAL, LIST_DEALS, ADD_NOTE, ADD_DEAL_NOTE, TIMELINE);

    private CrmOperations() {
    }
}
