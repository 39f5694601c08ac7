-- A stable id from outside (the frab/pretalx guid, a CSV's guid column), so
-- that importing the same schedule again updates its sessions in place
-- (keeping their ids, links and audit history) instead of duplicating them.
-- NULL for sessions staff created here; UNIQUE allows any number of NULLs.
ALTER TABLE sessions
  ADD COLUMN external_id VARCHAR(100) NULL,
  ADD UNIQUE KEY sessions_external_id (external_id);
