-- Break: access follows the deal, for H2.
--
-- An invoice belongs to whoever owns its deal now. The copy of the deal's owner that invoices kept since
-- they were drafted went stale when a deal was handed to another agent, so it is gone: listings scoped to
-- an agent read the owner from deals (deals_owner_agent_idx), and reads of one invoice read its deal.

DROP INDEX invoices_owner_agent_idx;
ALTER TABLE invoices DROP COLUMN owner_agent_id;
