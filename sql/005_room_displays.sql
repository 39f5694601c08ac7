-- Staff manage each room's screen link (/admin/displays): the nonce that
-- goes into the link's token (src/auth/display_token.h). NULL: the screen
-- is off and no link opens it; new rooms start so. A staff change updates
-- the row, so the rooms trigger bumps data_version and every worker sees
-- the new link with the programme.
ALTER TABLE rooms ADD COLUMN display_nonce BIGINT NULL;

-- Every room's link worked before this migration (it was derived from the
-- room id alone): nonce 0 keeps exactly that link, so screens already set
-- up stay on until staff give them a new link or turn them off.
UPDATE rooms SET display_nonce = 0;
