-- A login per staff member (README "Staff logins"): each person has a name,
-- a role and an Argon2id hash of their own. staff_roster.version moves with
-- every change to staff_members, in the same transaction (store/
-- staff_members.cc is the only writer), and is what workers poll, beside
-- data_version, to reload the roster they check staff cookies against.
--
-- A staff cookie carries its person's id and epoch. A person's epoch is the
-- roster version their row was last given a password under, so it is
-- unique across the table's whole life: a password change voids only that
-- person's cookies, and a cookie of a removed person cannot come back to
-- life under a later row, even one that took over the name or the id.
--
-- login_key is the name as the login form compares it (ASCII letters in
-- lower case: model/staff_member.h), binary-collated so that only the app's
-- rule decides which names are the same person.
CREATE TABLE staff_members (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(60) NOT NULL,
  login_key VARCHAR(240) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  role ENUM('editor','admin') NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  epoch BIGINT UNSIGNED NOT NULL,
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY staff_members_login (login_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE staff_roster (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY CHECK (id = 1),
  version BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO staff_roster (id, version) VALUES (1, 1);
