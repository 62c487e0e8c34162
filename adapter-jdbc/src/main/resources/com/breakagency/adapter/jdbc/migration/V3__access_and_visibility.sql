-- Break: access follows the deal, and timeline entries have a visibility. Conventions as in V1__crm.sql.
--
-- An invoice belongs to whoever owns its deal now. The copy of the deal's owner that invoices kept since
-- they were drafted went stale when a deal was handed to another agent, so it is gone: listings scoped to
-- an agent read the owner from deals (deals_owner_agent_idx), and reads of one invoice read its deal.

DROP INDEX invoices_owner_agent_idx;
ALTER TABLE invoices DROP COLUMN owner_agent_id;

-- Timeline entries are internal (staff only) unless their author shares them with the subject's brand and
-- talent portal users; every entry written before this migration is internal.
ALTER TABLE activities ADD COLUMN visibility VARCHAR(16) DEFAULT 'INTERNAL' NOT NULL;
