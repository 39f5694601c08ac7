-- When the event's day hands over to the next, in minutes after midnight
-- (model/conference_day.h): a session starting before it belongs to the
-- day before. CCC's frab days run to 04:00, so a talk at 00:15 is part of
-- the evening before (issue 18). 0 (midnight) is the calendar's own day.
-- An import sets it from the source's days; staff set it on /admin/event.
ALTER TABLE event
  ADD COLUMN day_change SMALLINT UNSIGNED NOT NULL DEFAULT 0
  CHECK (day_change <= 720);
