-- Break: the CRM tables (brands, contacts, talent, deals, timelines) and the audit log.
--
-- Plain SQL on purpose, one file for PostgreSQL and H2: Break applies it with Flyway (history table
-- break_schema_history) unless the host turns that off and runs it with its own tool. Tables are created in
-- the current schema (search_path on PostgreSQL).
--
-- Placeholders, filled in by Break's Flyway from Dialect (a host running the SQL itself substitutes them):
--   binary_collation   COLLATE "C" on PostgreSQL, empty on H2: the column orders strings byte by byte, as
--                      Java's String.compareTo orders them (H2 already does without a collation)
--
-- Conventions
--   ids            VARCHAR(64) with the binary collation, like every key that is compared or ordered
--   instants       TIMESTAMP WITH TIME ZONE, written in UTC, to the microsecond
--   money          BIGINT minor units + CHAR(3) ISO 4217 currency
--   enums          VARCHAR holding the Java constant's name
--   name_folded    the name with every character's case folded; prefix filters compare it literally
--   sets and lists JSON text (tags, social handles, roles, audit changes); unique values live in child tables
--   constraints    named <table>_pk, <table>_<column>_uq, <table>_<parent>_fk; Break maps the names of the
--                  unique ones to the field it reports in CONFLICT/ALREADY_EXISTS, so never rename them

CREATE TABLE brands (
    id             VARCHAR(64) ${binary_collation} NOT NULL,
    name           VARCHAR(200) NOT NULL,
    name_folded    VARCHAR(200) ${binary_collation} NOT NULL,
    status         VARCHAR(32) NOT NULL,
    owner_agent_id VARCHAR(64) NOT NULL,
    tags           VARCHAR NOT NULL,
    version        BIGINT NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT brands_pk PRIMARY KEY (id)
);
CREATE INDEX brands_owner_agent_idx ON brands (owner_agent_id, id);
CREATE INDEX brands_name_folded_idx ON brands (name_folded);

-- one row per domain; the unique constraint is what makes a domain belong to one brand only
CREATE TABLE brand_domains (
    brand_id VARCHAR(64) ${binary_collation} NOT NULL,
    domain   VARCHAR(253) NOT NULL,
    CONSTRAINT brand_domains_pk PRIMARY KEY (brand_id, domain),
    CONSTRAINT brand_domains_domain_uq UNIQUE (domain),
    CONSTRAINT brand_domains_brands_fk FOREIGN KEY (brand_id) REFERENCES brands (id) ON DELETE CASCADE
);

CREATE TABLE contacts (
    id          VARCHAR(64) ${binary_collation} NOT NULL,
    brand_id    VARCHAR(64),
    name        VARCHAR(200) NOT NULL,
    name_folded VARCHAR(200) ${binary_collation} NOT NULL,
    title       VARCHAR(100),
    phone       VARCHAR(40),
    archived    BOOLEAN NOT NULL,
    version     BIGINT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT contacts_pk PRIMARY KEY (id)
);
CREATE INDEX contacts_brand_idx ON contacts (brand_id, id);
CREATE INDEX contacts_name_folded_idx ON contacts (name_folded);

-- every address of a contact, the primary one and the others: an address belongs to one contact only
CREATE TABLE contact_emails (
    contact_id VARCHAR(64) ${binary_collation} NOT NULL,
    email      VARCHAR(254) NOT NULL,
    is_primary BOOLEAN NOT NULL,
    CONSTRAINT contact_emails_pk PRIMARY KEY (contact_id, email),
    CONSTRAINT contact_emails_email_uq UNIQUE (email),
    CONSTRAINT contact_emails_contacts_fk FOREIGN KEY (contact_id) REFERENCES contacts (id) ON DELETE CASCADE
);

CREATE TABLE talents (
    id                 VARCHAR(64) ${binary_collation} NOT NULL,
    name               VARCHAR(200) NOT NULL,
    name_folded        VARCHAR(200) ${binary_collation} NOT NULL,
    handles            VARCHAR NOT NULL,
    email              VARCHAR(254),
    managing_agent_id  VARCHAR(64),
    commission_plan_id VARCHAR(64),
    home_currency      CHAR(3) NOT NULL,
    archived           BOOLEAN NOT NULL,
    version            BIGINT NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT talents_pk PRIMARY KEY (id)
);
CREATE INDEX talents_managing_agent_idx ON talents (managing_agent_id, id);
CREATE INDEX talents_name_folded_idx ON talents (name_folded);

-- no foreign keys to brands or talents: each aggregate is stored on its own, as the ports describe them
CREATE TABLE deals (
    id                 VARCHAR(64) ${binary_collation} NOT NULL,
    brand_id           VARCHAR(64) NOT NULL,
    talent_id          VARCHAR(64) NOT NULL,
    owner_agent_id     VARCHAR(64) NOT NULL,
    title              VARCHAR(200) NOT NULL,
    value_minor        BIGINT NOT NULL,
    currency           CHAR(3) NOT NULL,
    stage              VARCHAR(32) NOT NULL,
    commission_plan_id VARCHAR(64),
    version            BIGINT NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT deals_pk PRIMARY KEY (id)
);
CREATE INDEX deals_brand_idx ON deals (brand_id, id);
CREATE INDEX deals_talent_idx ON deals (talent_id, id);
CREATE INDEX deals_owner_agent_idx ON deals (owner_agent_id, id);

-- append-only; time-ordered ids keep inserts at the end of the primary key
CREATE TABLE activities (
    id             VARCHAR(64) ${binary_collation} NOT NULL,
    subject_type   VARCHAR(32) NOT NULL,
    subject_id     VARCHAR(64) NOT NULL,
    kind           VARCHAR(32) NOT NULL,
    author_user_id VARCHAR(255) NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    body           VARCHAR NOT NULL,
    CONSTRAINT activities_pk PRIMARY KEY (id)
);
CREATE INDEX activities_subject_idx ON activities (subject_type, subject_id, id);

-- append-only, like activities
CREATE TABLE audit_events (
    id             VARCHAR(64) ${binary_collation} NOT NULL,
    action         VARCHAR(64) NOT NULL,
    entity_type    VARCHAR(32) NOT NULL,
    entity_id      VARCHAR(64) NOT NULL,
    actor_user_id  VARCHAR(255) NOT NULL,
    actor_roles    VARCHAR(400) NOT NULL,
    correlation_id VARCHAR(128) NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    changes        VARCHAR NOT NULL,
    CONSTRAINT audit_events_pk PRIMARY KEY (id)
);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, id);
CREATE INDEX audit_events_action_idx ON audit_events (action, id);
