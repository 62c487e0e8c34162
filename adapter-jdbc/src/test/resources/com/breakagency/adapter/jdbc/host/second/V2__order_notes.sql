-- the host's next release
CREATE TABLE order_notes (
    order_id BIGINT NOT NULL,
    note     VARCHAR(200) NOT NULL
);
