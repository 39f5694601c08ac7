-- The identity an imported session had at its source, so that the exports
-- (/schedule.json, /schedule.xml, `confsched export`) give it back and apps
-- that keep favourites by guid, slug or URL keep them (issue 18). The guid
-- is sessions.external_id (sql/004). Both are NULL for sessions created
-- here and for files that gave none (CSV never does); staff forms do not
-- edit them. The slug is kept only in the schedule JSON's form
-- (^[a-z0-9_-]+[a-z0-9]$), the URL only as an http(s) link.
ALTER TABLE sessions
  ADD COLUMN external_slug VARCHAR(200) NULL,
  ADD COLUMN external_url VARCHAR(2000) NULL;
