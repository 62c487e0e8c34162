-- Break: money going out (refunds and the commission reversals they cause, payouts and their items, credit
-- notes and their numbers), and the invoices' credited figure. Conventions and placeholders as in V1__crm.sql
-- and V2__finance.sql. Every uniqueness is a constraint here:
--   a line or reversal is in at most one live payout   payout_items_live_uq on live_entry_id, which holds the
--                                                      entry's id while its payout is live and NULL once it is
--                                                      cancelled (NULLs never collide, on both databases)
--   one refund per provider reference and invoice      refunds_reference_uq
--   one reversal per refund and line                   commission_reversals_line_uq
--   one credit note per number                         credit_notes_number_uq, numbers taken from a counter row
--                                                      as invoice numbers are (gap-free)

-- what the invoice's credit notes add up to; its lines and total are never edited
ALTER TABLE invoices ADD COLUMN credited_minor BIGINT DEFAULT 0 NOT NULL;

-- append-only
CREATE TABLE refunds (
    id                 VARCHAR(64) ${binary_collation} NOT NULL,
    payment_id         VARCHAR(64) ${binary_collation} NOT NULL,
    invoice_id         VARCHAR(64) ${binary_collation} NOT NULL,
    amount_minor       BIGINT NOT NULL,
    currency           CHAR(3) NOT NULL,
    refunded_on        DATE NOT NULL,
    external_reference VARCHAR(200) ${binary_collation} NOT NULL,
    reason             VARCHAR(1000) NOT NULL,
    recorded_by        VARCHAR(255) NOT NULL,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT refunds_pk PRIMARY KEY (id),
    -- one refund per provider refund and invoice; also the index of an invoice's refunds
    CONSTRAINT refunds_reference_uq UNIQUE (invoice_id, external_reference),
    CONSTRAINT refunds_payments_fk FOREIGN KEY (payment_id) REFERENCES payments (id)
);
CREATE INDEX refunds_payment_idx ON refunds (payment_id, id);
CREATE INDEX refunds_refunded_idx ON refunds (refunded_on, id);

-- append-only but for status, which moves once from PENDING_PAYOUT to PAID_OUT with the payout that settles it
CREATE TABLE commission_reversals (
    id               VARCHAR(64) ${binary_collation} NOT NULL,
    refund_id        VARCHAR(64) ${binary_collation} NOT NULL,
    line_id          VARCHAR(64) ${binary_collation} NOT NULL,
    payment_id       VARCHAR(64) ${binary_collation} NOT NULL,
    invoice_id       VARCHAR(64) ${binary_collation} NOT NULL,
    talent_id        VARCHAR(64) NOT NULL,
    beneficiary_kind VARCHAR(16) NOT NULL,
    beneficiary_id   VARCHAR(255) ${binary_collation} NOT NULL,
    amount_minor     BIGINT NOT NULL,
    currency         CHAR(3) NOT NULL,
    kind             VARCHAR(16) NOT NULL,
    status           VARCHAR(32) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT commission_reversals_pk PRIMARY KEY (id),
    -- a refund reverses a line once
    CONSTRAINT commission_reversals_line_uq UNIQUE (refund_id, line_id),
    CONSTRAINT commission_reversals_refunds_fk FOREIGN KEY (refund_id) REFERENCES refunds (id),
    CONSTRAINT commission_reversals_lines_fk FOREIGN KEY (line_id) REFERENCES commission_lines (id)
);
CREATE INDEX commission_reversals_payment_idx ON commission_reversals (payment_id, id);
CREATE INDEX commission_reversals_invoice_idx ON commission_reversals (invoice_id, id);
CREATE INDEX commission_reversals_beneficiary_idx ON commission_reversals (beneficiary_kind, beneficiary_id, id);
CREATE INDEX commission_reversals_status_idx ON commission_reversals (status, id);

CREATE TABLE payouts (
    id                 VARCHAR(64) ${binary_collation} NOT NULL,
    beneficiary_kind   VARCHAR(16) NOT NULL,
    beneficiary_id     VARCHAR(255) ${binary_collation} NOT NULL,
    amount_minor       BIGINT NOT NULL,
    currency           CHAR(3) NOT NULL,
    status             VARCHAR(16) NOT NULL,
    up_to              TIMESTAMP WITH TIME ZONE,
    external_reference VARCHAR(200),
    paid_on            DATE,
    version            BIGINT NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT payouts_pk PRIMARY KEY (id),
    -- a payout never goes below zero: what clawbacks leave owed stays for the next one
    CONSTRAINT payouts_amount_ck CHECK (amount_minor >= 0)
);
CREATE INDEX payouts_beneficiary_idx ON payouts (beneficiary_kind, beneficiary_id, id);
CREATE INDEX payouts_paid_idx ON payouts (status, paid_on, id);

-- written with the payout; only live_entry_id changes, to NULL when the payout is cancelled
CREATE TABLE payout_items (
    payout_id     VARCHAR(64) ${binary_collation} NOT NULL,
    entry_id      VARCHAR(64) ${binary_collation} NOT NULL,
    entry_kind    VARCHAR(16) NOT NULL,
    amount_minor  BIGINT NOT NULL,
    currency      CHAR(3) NOT NULL,
    live_entry_id VARCHAR(64) ${binary_collation},
    CONSTRAINT payout_items_pk PRIMARY KEY (payout_id, entry_id),
    -- a line or reversal is in at most one live payout, whatever the number of instances gathering at once
    CONSTRAINT payout_items_live_uq UNIQUE (live_entry_id),
    CONSTRAINT payout_items_live_ck CHECK (live_entry_id IS NULL OR live_entry_id = entry_id),
    CONSTRAINT payout_items_payouts_fk FOREIGN KEY (payout_id) REFERENCES payouts (id)
);
CREATE INDEX payout_items_entry_idx ON payout_items (entry_id);

-- append-only
CREATE TABLE credit_notes (
    id         VARCHAR(64) ${binary_collation} NOT NULL,
    invoice_id VARCHAR(64) ${binary_collation} NOT NULL,
    brand_id   VARCHAR(64) ${binary_collation} NOT NULL,
    number     BIGINT NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency   CHAR(3) NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    refund_id  VARCHAR(64),
    issued_by  VARCHAR(255) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT credit_notes_pk PRIMARY KEY (id),
    CONSTRAINT credit_notes_number_uq UNIQUE (number),
    CONSTRAINT credit_notes_invoices_fk FOREIGN KEY (invoice_id) REFERENCES invoices (id),
    CONSTRAINT credit_notes_refunds_fk FOREIGN KEY (refund_id) REFERENCES refunds (id)
);
CREATE INDEX credit_notes_invoice_idx ON credit_notes (invoice_id, id);
CREATE INDEX credit_notes_brand_idx ON credit_notes (brand_id, id);
CREATE INDEX credit_notes_created_idx ON credit_notes (created_at, id);

-- the credit-note counter, as invoice_numbers: one row, updated inside the unit of work that issues a note
CREATE TABLE credit_note_numbers (
    id          INTEGER NOT NULL,
    last_number BIGINT NOT NULL,
    CONSTRAINT credit_note_numbers_pk PRIMARY KEY (id)
);
INSERT INTO credit_note_numbers (id, last_number) VALUES (1, 0);
