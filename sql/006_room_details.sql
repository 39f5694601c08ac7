-- What a delegate needs to find a room and follow it from afar, set by staff
-- on /admin/rooms: directions, the floor, a link to a venue map and a link
-- to the room's live stream. '' means "not given", so rooms from before
-- this migration stay valid as they are and no page has to tell NULL from
-- empty. The lengths are model/limits.h's (tests/unit/limits_test.cc holds
-- them together); the links are http(s) only, as materials.url, checked in
-- full by util/web_url.h before they get here. An update of these columns
-- fires rooms_au, so data_version moves and delegates see the change with
-- the next programme load.
ALTER TABLE rooms
  ADD COLUMN description VARCHAR(300) NOT NULL DEFAULT '',
  ADD COLUMN floor VARCHAR(100) NOT NULL DEFAULT '',
  ADD COLUMN map_url VARCHAR(2000) NOT NULL DEFAULT ''
    CHECK (map_url = '' OR map_url REGEXP '^https?://'),
  ADD COLUMN stream_url VARCHAR(2000) NOT NULL DEFAULT ''
    CHECK (stream_url = '' OR stream_url REGEXP '^https?://');
