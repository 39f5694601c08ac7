{{%AUTOESCAPE context="HTML"}}{{! :pre_escape escapes exactly like the default :h but keeps line breaks, which :h turns into spaces. }}<label for="body">Text (shown at the top of every delegate page; for a room, with its name, and also on its screen and beside it on /now)</label>
<textarea id="body" name="body" rows="4" required>{{BODY:pre_escape}}</textarea>
{{#BODY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/BODY_ERROR}}
<label for="level">Level</label>
<select id="level" name="level">{{#LEVEL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/LEVEL_OPTION}}</select>
{{#LEVEL_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/LEVEL_ERROR}}
<label for="room">Where</label>
<select id="room" name="room">{{#ROOM_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/ROOM_OPTION}}</select>
{{#ROOM_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ROOM_ERROR}}
<label for="starts">Starts</label>
<select id="starts" name="starts">{{#STARTS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/STARTS_OPTION}}</select>
{{#STARTS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/STARTS_ERROR}}
<label for="start_day">Start day and time, {{ZONE_NAME}} (when it starts at them; a time that has passed means now)</label>
<div class="duration"><input id="start_day" name="start_day" type="date" value="{{START_DAY}}">
<input id="start_time" name="start_time" type="time" value="{{START_TIME}}" aria-label="Start time"></div>
{{#START_AT_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/START_AT_ERROR}}
<label for="ends">Ends</label>
<select id="ends" name="ends">{{#ENDS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/ENDS_OPTION}}</select>
{{#ENDS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ENDS_ERROR}}
<label for="duration">Duration, from the start, or from now once it has started (when it ends after the duration)</label>
<div class="duration"><input id="duration" name="duration" type="text" inputmode="numeric" size="6" value="{{DURATION}}">
<select id="unit" name="unit" aria-label="Unit of the duration">{{#UNIT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/UNIT_OPTION}}</select></div>
{{#DURATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DURATION_ERROR}}
<label for="end_day">End day and time, {{ZONE_NAME}} (when it ends at them)</label>
<div class="duration"><input id="end_day" name="end_day" type="date" value="{{END_DAY}}">
<input id="end_time" name="end_time" type="time" value="{{END_TIME}}" aria-label="End time"></div>
{{#END_AT_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/END_AT_ERROR}}
