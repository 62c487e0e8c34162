-- Break: the mail sync's tables (emails synced from connected mailboxes, their links and participants, the
-- sync state of each connection, the provider quota spent per mailbox). Conventions and placeholders as in
-- V1__crm.sql and V4__integrations.sql. No column holds a message body or a token.

-- one row per connection: where its sync is and where it resumes; the lease names the worker that syncs it
CREATE TABLE mail_sync_states (
    connection_id       VARCHAR(64) ${binary_collation} NOT NULL,
    status              VARCHAR(32) NOT NULL,
    stage               VARCHAR(32) NOT NULL,
    sync_cursor         VARCHAR(64),
    full_sync_cursor    VARCHAR(64),
    page_token          VARCHAR(1024),
    listed              BIGINT NOT NULL,
    stored              BIGINT NOT NULL,
    deleted             BIGINT NOT NULL,
    batches             BIGINT NOT NULL,
    full_syncs          INTEGER NOT NULL,
    rate_limits         INTEGER NOT NULL,
    failure_reason      VARCHAR(64),
    last_progress_at    TIMESTAMP WITH TIME ZONE,
    last_sync_at        TIMESTAMP WITH TIME ZONE,
    resync_requested_at TIMESTAMP WITH TIME ZONE,
    lease_owner         VARCHAR(255),
    lease_expires_at    TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT NOT NULL,
    CONSTRAINT mail_sync_states_pk PRIMARY KEY (connection_id)
);

-- each email once per (connection, provider message id): the constraint is the guarantee; append-only with
-- time-ordered ids; addresses are JSON text arrays, normalized
CREATE TABLE emails (
    id                  VARCHAR(64) ${binary_collation} NOT NULL,
    connection_id       VARCHAR(64) ${binary_collation} NOT NULL,
    provider_message_id VARCHAR(255) ${binary_collation} NOT NULL,
    thread_id           VARCHAR(255) NOT NULL,
    from_address        VARCHAR(254),
    to_addresses        VARCHAR NOT NULL,
    cc_addresses        VARCHAR NOT NULL,
    subject             VARCHAR NOT NULL,
    snippet             VARCHAR NOT NULL,
    sent_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    labels              VARCHAR NOT NULL,
    deleted             BOOLEAN NOT NULL,
    stored_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT emails_pk PRIMARY KEY (id),
    CONSTRAINT emails_message_uq UNIQUE (connection_id, provider_message_id)
);
CREATE INDEX emails_connection_idx ON emails (connection_id, id);

-- an email on the timeline of a contact or brand, once
CREATE TABLE email_links (
    email_id     VARCHAR(64) ${binary_collation} NOT NULL,
    subject_type VARCHAR(32) NOT NULL,
    subject_id   VARCHAR(64) ${binary_collation} NOT NULL,
    CONSTRAINT email_links_pk PRIMARY KEY (email_id, subject_type, subject_id)
);

-- which emails of a connection an address took part in
CREATE TABLE email_participants (
    connection_id VARCHAR(64) ${binary_collation} NOT NULL,
    address       VARCHAR(254) ${binary_collation} NOT NULL,
    email_id      VARCHAR(64) ${binary_collation} NOT NULL,
    CONSTRAINT email_participants_pk PRIMARY KEY (connection_id, address, email_id)
);

-- the distinct participant addresses of a connection, and whether a contact was found for each
CREATE TABLE mail_participants (
    connection_id VARCHAR(64) ${binary_collation} NOT NULL,
    address       VARCHAR(254) ${binary_collation} NOT NULL,
    linked        BOOLEAN NOT NULL,
    CONSTRAINT mail_participants_pk PRIMARY KEY (connection_id, address)
);
CREATE INDEX mail_participants_unlinked_idx ON mail_participants (connection_id, linked, address);

-- the provider quota a mailbox spent in its current window, shared by every instance
CREATE TABLE quota_budgets (
    quota_key    VARCHAR(320) ${binary_collation} NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    spent        BIGINT NOT NULL,
    CONSTRAINT quota_budgets_pk PRIMARY KEY (quota_key)
);
