-- Every staff write leaves a row here, in the same transaction as the
-- write: who (the shared staff credential, so a display name and the
-- client address), when, and the values before and after.
CREATE TABLE audit_log (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  changed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  entity VARCHAR(32) NOT NULL,
  entity_id INT UNSIGNED NOT NULL,
  action ENUM('create','update','delete','restore') NOT NULL,
  staff_name VARCHAR(100) NOT NULL DEFAULT '',
  client_addr VARCHAR(64) NOT NULL DEFAULT '',
  before_values JSON NULL CHECK (before_values IS NULL OR JSON_VALID(before_values)),
  after_values JSON NULL CHECK (after_values IS NULL OR JSON_VALID(after_values)),
  KEY audit_log_entity (entity, entity_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
