-- Break: the integrations' tables (connections to accounts at OAuth providers, connect flows under way).
-- Conventions and placeholders as in V1__crm.sql; in addition:
--   binary_type    BYTEA on PostgreSQL, VARBINARY on H2: bytes of any length
--   sealed secrets binary_type, holding the UTF-8 bytes of a ciphertext as Break's SecretCipher made it
--                  (<key id>:<sealed bytes>); no column ever holds a token, a refresh token or a PKCE
--                  verifier in plain text, and no column holds an OAuth state (only its SHA-256)

-- one row per (owner, provider, account); tokens are NULL once the connection is disconnected or its grant died
CREATE TABLE connections (
    id                             VARCHAR(64) ${binary_collation} NOT NULL,
    owner_user_id                  VARCHAR(255) ${binary_collation} NOT NULL,
    provider                       VARCHAR(32) NOT NULL,
    account_address                VARCHAR(254) ${binary_collation} NOT NULL,
    scopes                         VARCHAR NOT NULL,
    status                         VARCHAR(32) NOT NULL,
    access_token                   ${binary_type},
    refresh_token                  ${binary_type},
    access_token_expires_at        TIMESTAMP WITH TIME ZONE,
    last_refresh_at                TIMESTAMP WITH TIME ZONE,
    last_refresh_failure_at        TIMESTAMP WITH TIME ZONE,
    consecutive_transient_failures INTEGER NOT NULL,
    next_refresh_attempt_at        TIMESTAMP WITH TIME ZONE,
    last_error_code                VARCHAR(64),
    last_error_reason              VARCHAR(64),
    last_error_message             VARCHAR,
    last_error_at                  TIMESTAMP WITH TIME ZONE,
    last_error_transient           BOOLEAN,
    version                        BIGINT NOT NULL,
    created_at                     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT connections_pk PRIMARY KEY (id),
    -- one connection per owner, provider and account: reconnecting updates it in place
    CONSTRAINT connections_account_uq UNIQUE (owner_user_id, provider, account_address)
);
CREATE INDEX connections_owner_idx ON connections (owner_user_id, id);
CREATE INDEX connections_provider_status_idx ON connections (provider, status, id);

-- a connect flow under way, keyed by the SHA-256 of its state; taken (deleted) once by the callback
CREATE TABLE pending_authorizations (
    state_hash    VARCHAR(64) ${binary_collation} NOT NULL,
    user_id       VARCHAR(255) NOT NULL,
    provider      VARCHAR(32) NOT NULL,
    redirect_uri  VARCHAR(2000) NOT NULL,
    code_verifier ${binary_type} NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pending_authorizations_pk PRIMARY KEY (state_hash)
);
CREATE INDEX pending_authorizations_expires_idx ON pending_authorizations (expires_at);
