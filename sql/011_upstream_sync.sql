-- Keeping the programme in step with the tool it is planned in (issue 18,
-- README "Keeping in step with pretalx or frab").
--
-- sync_state: one row (id 1) about the last fetches of [sync] url: the
-- validators for the next conditional request (RFC 9110 13.1.1 and
-- 13.1.3: If-None-Match with the ETag, If-Modified-Since with
-- Last-Modified), the digest of the last body imported (an unchanged body
-- served without validators is not imported twice), and the times of the
-- last attempt, success, change and error for /admin and /_status. Times
-- are UTC. The validators belong to `url`: a new URL starts without them.
CREATE TABLE sync_state (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY,
  url VARCHAR(2000) NOT NULL DEFAULT '',
  etag VARCHAR(500) NOT NULL DEFAULT '',
  last_modified VARCHAR(100) NOT NULL DEFAULT '',
  digest VARCHAR(64) NOT NULL DEFAULT '',
  last_attempt_at DATETIME NULL,
  last_success_at DATETIME NULL,
  last_change_at DATETIME NULL,
  last_error_at DATETIME NULL,
  last_error VARCHAR(1000) NOT NULL DEFAULT '',
  -- 1 while the last attempt failed (times alone cannot tell within one
  -- second).
  failing TINYINT(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- session_upstream: for each session an import brought in, the fingerprint
-- of the version the import wrote (the "baseline"). A session whose stored
-- version no longer has that fingerprint was edited here, and is pinned:
-- a later import does not overwrite it but parks upstream's version in
-- `pending` (its flat form as JSON; NULL with pending_kind 'removal' when
-- upstream dropped the session) until staff take it or keep their own.
-- Sessions created here have no row, and no import ever touches them.
--
-- No trigger bumps data_version: nothing here is shown to delegates.
CREATE TABLE session_upstream (
  session_id INT UNSIGNED NOT NULL PRIMARY KEY,
  fingerprint CHAR(64) NOT NULL,
  pending_kind ENUM('change','removal') NULL,
  pending JSON NULL CHECK (pending IS NULL OR JSON_VALID(pending)),
  pending_since DATETIME NULL,
  CONSTRAINT session_upstream_session FOREIGN KEY (session_id) REFERENCES sessions (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
