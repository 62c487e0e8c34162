package com.breakagency.core.policy;

import static com.breakagency.core.crm.CrmOperations.ADD_DEAL_NOTE;
import static com.breakagency.core.crm.CrmOperations.ADD_NOTE;
import static com.breakagency.core.crm.CrmOperations.ARCHIVE;
import static com.breakagency.core.crm.CrmOperations.CREATE_BRAND;
import static com.breakagency.core.crm.CrmOperations.CREATE_CONTACT;
import static com.breakagency.core.crm.CrmOperations.CREATE_DEAL;
import static com.breakagency.core.crm.CrmOperations.CREATE_TALENT;
import static com.breakagency.core.crm.CrmOperations.FIND_BRAND_BY_DOMAIN;
import static com.breakagency.core.crm.CrmOperations.FIND_CONTACT_BY_EMAIL;
import static com.breakagency.core.crm.CrmOperations.GET_BRAND;
import static com.breakagency.core.crm.CrmOperations.GET_CONTACT;
import static com.breakagency.core.crm.CrmOperations.GET_DEAL;
import static com.breakagency.core.crm.CrmOperations.GET_TALENT;
import static com.breakagency.core.crm.CrmOperations.LIST_BRANDS;
import static com.breakagency.core.crm.CrmOperations.LIST_CONTACTS;
import static com.breakagency.core.crm.CrmOperations.LIST_DEALS;
import static com.breakagency.core.crm.CrmOperations.LIST_TALENT;
import static com.breakagency.core.crm.CrmOperations.MOVE_DEAL_STAGE;
import static com.breakagency.core.crm.CrmOperations.TIMELINE;
import static com.breakagency.core.crm.CrmOperations.UPDATE_BRAND;
import static com.breakagency.core.crm.CrmOperations.UPDATE_CONTACT;
import static com.breakagency.core.crm.CrmOperations.UPDATE_DEAL;
import static com.breakagency.core.crm.CrmOperations.UPDATE_TALENT;
import static com.breakagency.ports.context.Role.ADMIN;
import static com.breakagency.ports.context.Role.AGENT;
import static com.breakagency.ports.context.Role.BRAND;
import static com.breakagency.ports.context.Role.FINANCE;
import static com.breakagency.ports.context.Role.SYSTEM;
import static com.breakagency.ports.context.Role.TALENT;

import static com.breakagency.core.finance.FinanceOperations.DRAFT_INVOICE;
import static com.breakagency.core.finance.FinanceOperations.ENSURE_COMMISSIONS;
import static com.breakagency.core.finance.FinanceOperations.GET_INVOICE;
import static com.breakagency.core.finance.FinanceOperations.ISSUE_INVOICE;
import static com.breakagency.core.finance.FinanceOperations.LIST_COMMISSIONS;
import static com.breakagency.core.finance.FinanceOperations.LIST_INVOICES;
import static com.breakagency.core.finance.FinanceOperations.MARK_INVOICE_PAID;
import static com.breakagency.core.finance.FinanceOperations.RECORD_PAYMENT;
import static com.breakagency.core.finance.FinanceOperations.SAVE_COMMISSION_PLAN;
import static com.breakagency.core.finance.FinanceOperations.STATEMENT;
import static com.breakagency.core.finance.FinanceOperations.TOTALS;
import static com.breakagency.core.finance.FinanceOperations.VOID_INVOICE;

import static com.breakagency.core.recovery.RecoveryOperations.HEALTH;
import static com.breakagency.core.recovery.RecoveryOperations.LIST_STEPS;
import static com.breakagency.core.recovery.RecoveryOperations.RETRY_STEP;
import static com.breakagency.core.recovery.RecoveryOperations.RUN_JANITOR;

import com.breakagency.core.audit.AuditOperations;
import static com.breakagency.core.integration.IntegrationOperations.ACCESS_TOKEN;
import static com.breakagency.core.integration.IntegrationOperations.COMPLETE_CONNECT;
import static com.breakagency.core.integration.IntegrationOperations.DISCONNECT;
import static com.breakagency.core.integration.IntegrationOperations.GET_CONNECTION;
import static com.breakagency.core.integration.IntegrationOperations.LIST_CONNECTIONS;
import static com.breakagency.core.integration.IntegrationOperations.RESYNC;
import static com.breakagency.core.integration.IntegrationOperations.START_CONNECT;

import com.breakagency.core.boundary.AccessPolicy;
import com.breakagency.core.finance.FinanceOperations;

/**
 * The one authorization table of Break: every driving-port operation × every role. Its written form, with
 * the reasons where it departs from the original design, is {@code docs/authorization.md}; a test holds
 * the two equal cell by cell, and the authorization matrix tests take their expectations from that
 * document. Use cases carry no guards of their own; an operation missing here is denied to everyone.
 * "Own" rows are checked against the record's owners ({@link com.breakagency.core.boundary.Ownership}):
 * an agent owns the deals and brands they own and the talent they manage, a TALENT user their profile
 * and deals, a BRAND user their brand, its contacts and its deals.
 */
public final class PolicyTable {

    /** The agency's standard table. */
    public static final AccessPolicy STANDARD = AccessPolicy.builder()
            // read CRM: staff and the system; portal users their own records
            .allow(GET_BRAND, ADMIN, FINANCE, AGENT, SYSTEM).own(GET_BRAND, BRAND)
            .allow(LIST_BRANDS, ADMIN, FINANCE, AGENT, SYSTEM).own(LIST_BRANDS, BRAND)
            .allow(FIND_BRAND_BY_DOMAIN, ADMIN, FINANCE, AGENT, SYSTEM).own(FIND_BRAND_BY_DOMAIN, BRAND)
            .allow(GET_CONTACT, ADMIN, FINANCE, AGENT, SYSTEM).own(GET_CONTACT, BRAND)
            .allow(LIST_CONTACTS, ADMIN, FINANCE, AGENT, SYSTEM).own(LIST_CONTACTS, BRAND)
            .allow(FIND_CONTACT_BY_EMAIL, ADMIN, FINANCE, AGENT, SYSTEM).own(FIND_CONTACT_BY_EMAIL, BRAND)
            .allow(GET_TALENT, ADMIN, FINANCE, AGENT, SYSTEM).own(GET_TALENT, TALENT)
            .allow(LIST_TALENT, ADMIN, FINANCE, AGENT, SYSTEM).own(LIST_TALENT, TALENT)
            .allow(GET_DEAL, ADMIN, FINANCE, AGENT, SYSTEM).own(GET_DEAL, TALENT, BRAND)
            .allow(LIST_DEALS, ADMIN, FINANCE, AGENT, SYSTEM).own(LIST_DEALS, TALENT, BRAND)
            .allow(TIMELINE, ADMIN, FINANCE, AGENT, SYSTEM).own(TIMELINE, TALENT, BRAND)
            // write brands, contacts, talent (and their notes): admins and agents
            .allow(CREATE_BRAND, ADMIN, AGENT).allow(UPDATE_BRAND, ADMIN, AGENT)
            .allow(CREATE_CONTACT, ADMIN, AGENT).allow(UPDATE_CONTACT, ADMIN, AGENT)
            .allow(CREATE_TALENT, ADMIN, AGENT).allow(UPDATE_TALENT, ADMIN, AGENT)
            .allow(ARCHIVE, ADMIN, AGENT).allow(ADD_NOTE, ADMIN, AGENT)
            // a note on a deal is a write to the deal: agents on their own deals only
            .allow(ADD_DEAL_NOTE, ADMIN).own(ADD_DEAL_NOTE, AGENT)
            // write deals: admins; agents their own deals
            .allow(CREATE_DEAL, ADMIN).own(CREATE_DEAL, AGENT)
            .allow(UPDATE_DEAL, ADMIN).own(UPDATE_DEAL, AGENT)
            .allow(MOVE_DEAL_STAGE, ADMIN).own(MOVE_DEAL_STAGE, AGENT)
            // draft, issue and void invoices: admins and finance; a deal's own invoice is drafted inside the
            // stage move that takes it to PAYMENT_PENDING, under that call's authorization
            .allow(DRAFT_INVOICE, ADMIN, FINANCE).allow(ISSUE_INVOICE, ADMIN, FINANCE)
            .allow(VOID_INVOICE, ADMIN, FINANCE)
            // record payments: admins, finance, and the system (payment intake)
            .allow(RECORD_PAYMENT, ADMIN, FINANCE, SYSTEM).allow(MARK_INVOICE_PAID, ADMIN, FINANCE, SYSTEM)
            .allow(SAVE_COMMISSION_PLAN, ADMIN, FINANCE)
            .allow(TOTALS, ADMIN, FINANCE, SYSTEM)
            // read invoices: staff with finance duties; agents, talent and brands their own deals' invoices
            .allow(GET_INVOICE, ADMIN, FINANCE, SYSTEM).own(GET_INVOICE, AGENT, TALENT, BRAND)
            .allow(LIST_INVOICES, ADMIN, FINANCE, SYSTEM).own(LIST_INVOICES, AGENT, TALENT, BRAND)
            // read commissions: agents and talent their own; brands never
            .allow(LIST_COMMISSIONS, ADMIN, FINANCE, SYSTEM).own(LIST_COMMISSIONS, AGENT, TALENT)
            .allow(STATEMENT, ADMIN, FINANCE, SYSTEM).own(STATEMENT, AGENT, TALENT)
            // diagnostics, recovery (retry, dead steps): admins and the system
            .allow(ENSURE_COMMISSIONS, ADMIN, SYSTEM)
            .allow(LIST_STEPS, ADMIN, SYSTEM).allow(RETRY_STEP, ADMIN, SYSTEM).allow(RUN_JANITOR, ADMIN, SYSTEM)
            .allow(HEALTH, ADMIN, SYSTEM)
            // audit trails: as the read of the record each describes
            .allow(AuditOperations.BRAND_TRAIL, ADMIN, FINANCE, AGENT, SYSTEM).own(AuditOperations.BRAND_TRAIL, BRAND)
            .allow(AuditOperations.CONTACT_TRAIL, ADMIN, FINANCE, AGENT, SYSTEM)
            .own(AuditOperations.CONTACT_TRAIL, BRAND)
            .allow(AuditOperations.TALENT_TRAIL, ADMIN, FINANCE, AGENT, SYSTEM)
            .own(AuditOperations.TALENT_TRAIL, TALENT)
            .allow(AuditOperations.DEAL_TRAIL, ADMIN, FINANCE, AGENT, SYSTEM)
            .own(AuditOperations.DEAL_TRAIL, TALENT, BRAND)
            .allow(AuditOperations.INVOICE_TRAIL, ADMIN, FINANCE, SYSTEM)
            .own(AuditOperations.INVOICE_TRAIL, AGENT, TALENT, BRAND)
            .allow(AuditOperations.COMMISSION_PLAN_TRAIL, ADMIN, FINANCE, SYSTEM)
            .allow(AuditOperations.OPERATIONS_TRAIL, ADMIN, SYSTEM)
            // connect / disconnect own integrations: every staff role and talent, for their own accounts only;
            // brands and the system never hold a mailbox
            .own(START_CONNECT, ADMIN, FINANCE, AGENT, TALENT).own(COMPLETE_CONNECT, ADMIN, FINANCE, AGENT, TALENT)
            .own(DISCONNECT, ADMIN, FINANCE, AGENT, TALENT)
            // read connections: one's own; admins and the system all of them
            .allow(LIST_CONNECTIONS, ADMIN, SYSTEM).own(LIST_CONNECTIONS, FINANCE, AGENT, TALENT)
            .allow(GET_CONNECTION, ADMIN, SYSTEM).own(GET_CONNECTION, FINANCE, AGENT, TALENT)
            // a live access token opens someone's mailbox: the system only (the sync, a host calling Google)
            .allow(ACCESS_TOKEN, SYSTEM)
            // money going out: admins and finance write; talent and agents read their own payouts, brands their
            // own credit notes
            .allow(FinanceOperations.CREATE_PAYOUT, ADMIN, FINANCE).allow(FinanceOperations.APPROVE_PAYOUT, ADMIN, FINANCE)
            .allow(FinanceOperations.MARK_PAYOUT_PAID, ADMIN, FINANCE).allow(FinanceOperations.CANCEL_PAYOUT, ADMIN, FINANCE)
            .allow(FinanceOperations.GET_PAYOUT, ADMIN, FINANCE, SYSTEM).own(FinanceOperations.GET_PAYOUT, AGENT, TALENT)
            .allow(FinanceOperations.LIST_PAYOUTS, ADMIN, FINANCE, SYSTEM).own(FinanceOperations.LIST_PAYOUTS, AGENT, TALENT)
            .allow(FinanceOperations.PAYOUT_STATEMENT, ADMIN, FINANCE, SYSTEM)
            .own(FinanceOperations.PAYOUT_STATEMENT, AGENT, TALENT)
            .allow(FinanceOperations.REFUND_PAYMENT, ADMIN, FINANCE)
            .allow(FinanceOperations.ISSUE_CREDIT_NOTE, ADMIN, FINANCE)
            .allow(FinanceOperations.LIST_CREDIT_NOTES, ADMIN, FINANCE, SYSTEM).own(FinanceOperations.LIST_CREDIT_NOTES, BRAND)
            // sync now: one's own mailbox; admins and the system any (an operator's recovery)
            .allow(RESYNC, ADMIN, SYSTEM).own(RESYNC, FINANCE, AGENT, TALENT)
            .build();

    private PolicyTable() {
    }
}
