-- a host application's own table, migrated by the host's own Flyway next to Break's tables
CREATE TABLE orders (
    id    BIGINT NOT NULL PRIMARY KEY,
    total BIGINT NOT NULL
);
