-- Break: the finance tables (invoices and their numbers, payments, commission lines and plans,
-- idempotency keys) and the work queue. Conventions and placeholders as in V1__crm.sql; in addition:
--   dates          DATE (due dates, days a payment arrived)
--   rates          NUMERIC(30, 15): a share of a payment as a fraction, kept exactly to 15 decimal places
--   lists and maps JSON text (invoice lines, a step's payload)
--
-- Foreign keys only where a record cannot exist without its parent and both are Break's finance records
-- (a payment's invoice, a commission line's payment); never to CRM tables, whose records the finance
-- stores only name.

CREATE TABLE invoices (
    id             VARCHAR(64) ${binary_collation} NOT NULL,
    deal_id        VARCHAR(64) ${binary_collation} NOT NULL,
    brand_id       VARCHAR(64) NOT NULL,
    talent_id      VARCHAR(64) NOT NULL,
    owner_agent_id VARCHAR(64) NOT NULL,
    number         BIGINT,
    lines          VARCHAR NOT NULL,
    total_minor    BIGINT NOT NULL,
    paid_minor     BIGINT NOT NULL,
    currency       CHAR(3) NOT NULL,
    due_date       DATE,
    status         VARCHAR(32) NOT NULL,
    commissions    VARCHAR(32) NOT NULL,
    version        BIGINT NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT invoices_pk PRIMARY KEY (id),
    -- one invoice per deal
    CONSTRAINT invoices_deal_id_uq UNIQUE (deal_id),
    -- drafts have no number; any number of NULLs coexist
    CONSTRAINT invoices_number_uq UNIQUE (number)
);
CREATE INDEX invoices_brand_idx ON invoices (brand_id, id);
CREATE INDEX invoices_talent_idx ON invoices (talent_id, id);
CREATE INDEX invoices_owner_agent_idx ON invoices (owner_agent_id, id);
CREATE INDEX invoices_status_due_idx ON invoices (status, due_date);

-- the invoice counter: one row, updated inside the unit of work that issues an invoice, so concurrent
-- issuers queue on its row lock and a rolled-back unit gives its number back (no gaps)
CREATE TABLE invoice_numbers (
    id          INTEGER NOT NULL,
    last_number BIGINT NOT NULL,
    CONSTRAINT invoice_numbers_pk PRIMARY KEY (id)
);
INSERT INTO invoice_numbers (id, last_number) VALUES (1, 0);

-- append-only
CREATE TABLE payments (
    id                 VARCHAR(64) ${binary_collation} NOT NULL,
    invoice_id         VARCHAR(64) ${binary_collation} NOT NULL,
    amount_minor       BIGINT NOT NULL,
    currency           CHAR(3) NOT NULL,
    received_on        DATE NOT NULL,
    external_reference VARCHAR(200) ${binary_collation} NOT NULL,
    source             VARCHAR(32) NOT NULL,
    recorded_by        VARCHAR(255) NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT payments_pk PRIMARY KEY (id),
    -- one payment per bank transaction and invoice; also the index of an invoice's payments
    CONSTRAINT payments_reference_uq UNIQUE (invoice_id, external_reference),
    CONSTRAINT payments_invoices_fk FOREIGN KEY (invoice_id) REFERENCES invoices (id)
);
CREATE INDEX payments_received_idx ON payments (received_on, id);

-- append-only
CREATE TABLE commission_lines (
    id               VARCHAR(64) ${binary_collation} NOT NULL,
    payment_id       VARCHAR(64) ${binary_collation} NOT NULL,
    invoice_id       VARCHAR(64) ${binary_collation} NOT NULL,
    deal_id          VARCHAR(64) NOT NULL,
    talent_id        VARCHAR(64) NOT NULL,
    beneficiary_kind VARCHAR(16) NOT NULL,
    beneficiary_id   VARCHAR(255) ${binary_collation} NOT NULL,
    basis_minor      BIGINT NOT NULL,
    rate             NUMERIC(30, 15) NOT NULL,
    plan_id          VARCHAR(64) NOT NULL,
    amount_minor     BIGINT NOT NULL,
    currency         CHAR(3) NOT NULL,
    status           VARCHAR(32) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT commission_lines_pk PRIMARY KEY (id),
    -- a payment is allocated once: one line per beneficiary. Its index leads with payment_id, so it is
    -- also the index behind a payment's lines and the "payments without commissions" anti-join
    CONSTRAINT commission_lines_allocation_uq UNIQUE (payment_id, beneficiary_kind, beneficiary_id),
    CONSTRAINT commission_lines_payments_fk FOREIGN KEY (payment_id) REFERENCES payments (id)
);
CREATE INDEX commission_lines_invoice_idx ON commission_lines (invoice_id, id);
CREATE INDEX commission_lines_beneficiary_idx ON commission_lines (beneficiary_kind, beneficiary_id, id);
CREATE INDEX commission_lines_talent_idx ON commission_lines (talent_id, id);
CREATE INDEX commission_lines_status_idx ON commission_lines (status, id);

CREATE TABLE commission_plans (
    id                              VARCHAR(64) ${binary_collation} NOT NULL,
    agency_rate_bps                 INTEGER NOT NULL,
    agent_share_bps                 INTEGER NOT NULL,
    house_takes_unassigned_share    BOOLEAN NOT NULL,
    CONSTRAINT commission_plans_pk PRIMARY KEY (id)
);

-- one record per (scope, key), compared exactly; inserted in the unit of work of the result it names
CREATE TABLE idempotency_keys (
    scope           VARCHAR(100) ${binary_collation} NOT NULL,
    idempotency_key VARCHAR(200) ${binary_collation} NOT NULL,
    fingerprint     VARCHAR(200) NOT NULL,
    result_id       VARCHAR(64) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (expires_at);

-- the work queue: one step per dedup key, whatever its status (a DONE step is re-armed in place)
CREATE TABLE work_steps (
    id               VARCHAR(64) ${binary_collation} NOT NULL,
    type             VARCHAR(64) NOT NULL,
    dedup_key        VARCHAR(255) ${binary_collation} NOT NULL,
    payload          VARCHAR NOT NULL,
    status           VARCHAR(16) NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner      VARCHAR(255),
    lease_expires_at TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT NOT NULL,
    CONSTRAINT work_steps_pk PRIMARY KEY (id),
    CONSTRAINT work_steps_dedup_key_uq UNIQUE (dedup_key)
);
-- what a claim scans: due PENDING steps and RUNNING steps by lease expiry
CREATE INDEX work_steps_due_idx ON work_steps (status, next_attempt_at, id);
CREATE INDEX work_steps_lease_idx ON work_steps (status, lease_expires_at);
CREATE INDEX work_steps_type_idx ON work_steps (type, id);
