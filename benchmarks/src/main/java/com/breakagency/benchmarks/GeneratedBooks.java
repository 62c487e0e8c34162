package com.breakagency.benchmarks;

import java.util.List;

/**
 * Books of any size made directly in SQL on PostgreSQL ({@code generate_series}), for plans and timings
 * that need many rows without the hours it would take to make them through Break: {@code n} deals, each
 * with its invoice; 80% of the invoices paid in full, 5% partly, the rest issued and open, due on days
 * spread over 400 days; one payment per paid invoice with the agency's three lines, one to six audit events per
 * payment and one DONE repair step per ten invoices. 200 brands, 500 talents, 50 agents, three currencies.
 * Ids are zero-padded, so they order as Break's ids do. The same statements (a copy) fill the query-plan
 * test of the JDBC adapter ({@code GeneratedBooks} in its tests).
 */
final class GeneratedBooks {

    private GeneratedBooks() {
    }

    /** The statements that fill an empty, migrated schema with six audit events per payment, then {@code ANALYZE} it. */
    static List<String> statements(String schema, int n) {
        return statements(schema, n, 6);
    }

    /** The statements that fill an empty, migrated schema, then {@code ANALYZE} it; 1 to 6 audit events per payment. */
    static List<String> statements(String schema, int n, int eventsPerPayment) {
        String s = schema + ".";
        String id = "lpad(i::text, 9, '0')";
        String status = "CASE WHEN i % 20 < 16 THEN 'PAID' WHEN i % 20 = 16 THEN 'PARTIALLY_PAID' ELSE 'ISSUED' END";
        String currency = "(ARRAY['GBP','EUR','USD'])[1 + i % 3]";
        String total = "(100000 + (i % 1000) * 100)::bigint";
        return List.of(
                "INSERT INTO " + s + "deals (id, brand_id, talent_id, owner_agent_id, title, value_minor, currency, stage,"
                        + " commission_plan_id, version, created_at, updated_at)"
                        + " SELECT 'deal-' || " + id + ", 'brand-' || (i % 200), 'talent-' || (i % 500), 'agent-' || (i % 50),"
                        + " 'Campaign ' || i, " + total + ", " + currency + ","
                        + " CASE WHEN i % 20 < 16 THEN 'PAYMENT_RECEIVED' ELSE 'PAYMENT_PENDING' END, NULL, 1,"
                        + " now(), now() FROM generate_series(1, " + n + ") i",
                "INSERT INTO " + s + "invoices (id, deal_id, brand_id, talent_id, number, lines, total_minor, paid_minor,"
                        + " currency, due_date, status, commissions, version, created_at, updated_at)"
                        + " SELECT 'inv-' || " + id + ", 'deal-' || " + id + ", 'brand-' || (i % 200), 'talent-' || (i % 500),"
                        + " i, '[]', " + total + ","
                        + " CASE WHEN i % 20 < 16 THEN " + total + " WHEN i % 20 = 16 THEN " + total + " / 2 ELSE 0 END,"
                        + " " + currency + ", DATE '2026-01-01' + (i % 400), " + status + ","
                        + " CASE WHEN i % 20 <= 16 THEN 'ALLOCATED' ELSE 'NONE' END, 2, now(), now()"
                        + " FROM generate_series(1, " + n + ") i",
                "INSERT INTO " + s + "payments (id, invoice_id, amount_minor, currency, received_on, external_reference,"
                        + " source, recorded_by, recorded_at)"
                        + " SELECT 'pay-' || " + id + ", 'inv-' || " + id + ","
                        + " CASE WHEN i % 20 < 16 THEN " + total + " ELSE " + total + " / 2 END, " + currency + ","
                        + " DATE '2026-01-01' + (i % 400), 'tx-' || i, 'BANK_FEED', 'finance-fay',"
                        + " TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + i * INTERVAL '1 second'"
                        + " FROM generate_series(1, " + n + ") i WHERE i % 20 <= 16",
                "INSERT INTO " + s + "commission_lines (id, payment_id, invoice_id, deal_id, talent_id, beneficiary_kind,"
                        + " beneficiary_id, basis_minor, rate, plan_id, amount_minor, currency, status, created_at)"
                        + " SELECT 'line-' || substr(p.id, 5) || '-' || k, p.id, p.invoice_id, 'deal-' || substr(p.id, 5),"
                        + " 'talent-' || (substr(p.id, 5)::int % 500),"
                        + " (ARRAY['TALENT','HOUSE','AGENT'])[k],"
                        + " CASE k WHEN 1 THEN 'talent-' || (substr(p.id, 5)::int % 500) WHEN 2 THEN 'house'"
                        + " ELSE 'agent-' || (substr(p.id, 5)::int % 50) END,"
                        + " p.amount_minor, (ARRAY[0.8, 0.15, 0.05])[k], 'agency-default',"
                        + " CASE k WHEN 1 THEN p.amount_minor - (p.amount_minor * 15 / 100) - (p.amount_minor * 5 / 100)"
                        + " WHEN 2 THEN p.amount_minor * 15 / 100 ELSE p.amount_minor * 5 / 100 END,"
                        + " p.currency, 'PENDING_PAYOUT', p.recorded_at"
                        + " FROM " + s + "payments p, generate_series(1, 3) k",
                "INSERT INTO " + s + "audit_events (id, action, entity_type, entity_id, actor_user_id, actor_roles,"
                        + " correlation_id, occurred_at, changes)"
                        + " SELECT 'evt-' || substr(p.id, 5) || '-' || k,"
                        + " (ARRAY['PAYMENT_RECORDED','COMMISSION_CREATED','COMMISSION_CREATED','COMMISSION_CREATED',"
                        + "'INVOICE_MARKED_PAID','DEAL_STAGE_CHANGED'])[k],"
                        + " (ARRAY['PAYMENT','INVOICE','INVOICE','INVOICE','INVOICE','DEAL'])[k],"
                        + " CASE k WHEN 1 THEN p.id WHEN 6 THEN 'deal-' || substr(p.id, 5) ELSE p.invoice_id END,"
                        + " 'finance-fay', '[\"FINANCE\"]', 'corr-' || p.id, p.recorded_at, '{}'"
                        + " FROM " + s + "payments p, generate_series(1, " + eventsPerPayment + ") k",
                "INSERT INTO " + s + "work_steps (id, type, dedup_key, payload, status, attempts, next_attempt_at,"
                        + " lease_owner, lease_expires_at, last_error, created_at, updated_at, version)"
                        + " SELECT 'step-' || " + id + ", 'ENSURE_COMMISSIONS', 'ENSURE_COMMISSIONS:inv-' || " + id + ","
                        + " '{}', 'DONE', 1, now(), NULL, NULL, NULL, now(), now(), 2"
                        + " FROM generate_series(1, " + n + ", 10) i",
                "ANALYZE " + s + "deals",
                "ANALYZE " + s + "invoices",
                "ANALYZE " + s + "payments",
                "ANALYZE " + s + "commission_lines",
                "ANALYZE " + s + "audit_events",
                "ANALYZE " + s + "work_steps");
    }
}
