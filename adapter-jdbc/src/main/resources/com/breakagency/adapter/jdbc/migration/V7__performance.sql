-- Break: the indexes a payment writes, cut to those a query uses, so that recording a payment writes less.
-- Conventions and placeholders as in V1__crm.sql; in addition:
--   placeholder invoices_room_for_updates: the statement that leaves room on each page of invoices for the new versions of its rows
--                                 (PostgreSQL: fillfactor 80, so an update finds room on its own page);
--                                 nothing on H2
--
-- A payment updates its invoice (paid amount, status, commissions, version, updated_at). PostgreSQL writes
-- such an update without touching any index (a heap-only tuple, "HOT") only when none of the columns it
-- changes is in an index and the row's page has room. The status was the first column of
-- invoices_status_due_idx, so every payment wrote a new entry in each of the invoices' six indexes. The
-- overdue listing and the receivables read invoices by due date instead: an index on (due_date, id) serves
-- "due before today" (the listing and the totals filter the status on the rows it finds).
DROP INDEX invoices_status_due_idx;
CREATE INDEX invoices_due_idx ON invoices (due_date, id);
${invoices_room_for_updates}

-- Each commission line wrote six index entries. An invoice's lines are found through its payments
-- (payments_reference_uq leads with invoice_id, commission_lines_allocation_uq with payment_id), and a
-- listing by status alone reads the primary key in id order, most lines being in the status it asks for;
-- the two indexes no query needs are gone.
DROP INDEX commission_lines_invoice_idx;
DROP INDEX commission_lines_status_idx;
