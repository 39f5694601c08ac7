-- The programme of one conference. Times are wall-clock times in the
-- event's time zone (event.time_zone), as the schedule shows them.
-- Every change to a table the site renders bumps data_version (triggers at
-- the end), which is how workers and caches learn that pages are stale.

CREATE TABLE event (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY CHECK (id = 1),
  name VARCHAR(200) NOT NULL,
  tagline VARCHAR(300) NOT NULL DEFAULT '',
  venue VARCHAR(300) NOT NULL DEFAULT '',
  time_zone VARCHAR(64) NOT NULL,
  starts_on DATE NOT NULL,
  ends_on DATE NOT NULL,
  intro TEXT NOT NULL,
  CHECK (ends_on >= starts_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rooms (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  position INT NOT NULL DEFAULT 0,
  UNIQUE KEY rooms_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tracks (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  colour CHAR(7) NOT NULL DEFAULT '#777777' CHECK (colour REGEXP '^#[0-9a-fA-F]{6}$'),
  UNIQUE KEY tracks_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sessions (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  title VARCHAR(300) NOT NULL,
  abstract TEXT NOT NULL,
  starts_at DATETIME NOT NULL,
  ends_at DATETIME NOT NULL,
  room_id INT UNSIGNED NOT NULL,
  track_id INT UNSIGNED NULL,
  kind ENUM('talk','keynote','workshop','panel','break','social') NOT NULL DEFAULT 'talk',
  status ENUM('scheduled','cancelled','moved') NOT NULL DEFAULT 'scheduled',
  -- Optimistic locking for staff edits: every update bumps it.
  revision INT UNSIGNED NOT NULL DEFAULT 1,
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  CHECK (ends_at > starts_at),
  KEY sessions_starts_at (starts_at),
  CONSTRAINT sessions_room FOREIGN KEY (room_id) REFERENCES rooms (id),
  CONSTRAINT sessions_track FOREIGN KEY (track_id) REFERENCES tracks (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE speakers (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  affiliation VARCHAR(300) NOT NULL DEFAULT '',
  bio TEXT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE session_speakers (
  session_id INT UNSIGNED NOT NULL,
  speaker_id INT UNSIGNED NOT NULL,
  position INT NOT NULL DEFAULT 0,
  PRIMARY KEY (session_id, speaker_id),
  KEY session_speakers_speaker (speaker_id),
  CONSTRAINT session_speakers_session FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE,
  CONSTRAINT session_speakers_speaker FOREIGN KEY (speaker_id) REFERENCES speakers (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE materials (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  session_id INT UNSIGNED NOT NULL,
  label VARCHAR(200) NOT NULL,
  url VARCHAR(2000) NOT NULL CHECK (url REGEXP '^https?://'),
  position INT NOT NULL DEFAULT 0,
  KEY materials_session (session_id),
  CONSTRAINT materials_session FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE announcements (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  body TEXT NOT NULL,
  published_at DATETIME NOT NULL,
  expires_at DATETIME NULL,
  KEY announcements_published (published_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per role. epoch rises with every password change; session
-- cookies carry the epoch they were issued under and die when it moves.
CREATE TABLE credentials (
  role ENUM('delegate','staff') NOT NULL PRIMARY KEY,
  password_hash VARCHAR(255) NOT NULL,
  epoch BIGINT UNSIGNED NOT NULL DEFAULT 1,
  changed_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE data_version (
  id TINYINT UNSIGNED NOT NULL PRIMARY KEY CHECK (id = 1),
  version BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO data_version (id, version) VALUES (1, 1);

CREATE TRIGGER event_ai AFTER INSERT ON event FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER event_au AFTER UPDATE ON event FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER event_ad AFTER DELETE ON event FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER rooms_ai AFTER INSERT ON rooms FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER rooms_au AFTER UPDATE ON rooms FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER rooms_ad AFTER DELETE ON rooms FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER tracks_ai AFTER INSERT ON tracks FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER tracks_au AFTER UPDATE ON tracks FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER tracks_ad AFTER DELETE ON tracks FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER sessions_ai AFTER INSERT ON sessions FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER sessions_au AFTER UPDATE ON sessions FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER sessions_ad AFTER DELETE ON sessions FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER speakers_ai AFTER INSERT ON speakers FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER speakers_au AFTER UPDATE ON speakers FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER speakers_ad AFTER DELETE ON speakers FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER session_speakers_ai AFTER INSERT ON session_speakers FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER session_speakers_au AFTER UPDATE ON session_speakers FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER session_speakers_ad AFTER DELETE ON session_speakers FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER materials_ai AFTER INSERT ON materials FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER materials_au AFTER UPDATE ON materials FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER materials_ad AFTER DELETE ON materials FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER announcements_ai AFTER INSERT ON announcements FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER announcements_au AFTER UPDATE ON announcements FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
CREATE TRIGGER announcements_ad AFTER DELETE ON announcements FOR EACH ROW UPDATE data_version SET version = version + 1 WHERE id = 1;
