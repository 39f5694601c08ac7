{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← All sessions</a>{{#EXISTING}} · <a href="/session/{{ID}}">Delegate view</a>{{/EXISTING}}</p>
<h1>{{HEADING}}</h1>
{{#EXISTING}}<p class="history-link"><a href="/admin/session/{{ID}}/history">History of this session: every change, who made it, and restore</a></p>{{/EXISTING}}
{{#SAVED}}<p class="notice" role="status">Saved. Delegates see the change within a few seconds.</p>{{/SAVED}}
{{#DELAYED}}<p class="notice" role="status">Moved {{COUNT}} {{COUNT_NOUN}} later in one save. Delegates see it within a few seconds.</p>{{/DELAYED}}
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/PROBLEM}}
{{#CONFLICT}}<section class="conflict">
<h2>Their version (saved {{UPDATED_AT}})</h2>
<p>Someone saved this session while you were editing it. Your values are still in the form below; compare, merge what you need, and save again.</p>
<dl class="facts">
<dt>Title</dt><dd>{{TITLE}}</dd>
<dt>Day and time</dt><dd>{{DAY}} {{START}}–{{END}}</dd>
<dt>Room</dt><dd>{{ROOM}}</dd>
<dt>Track</dt><dd>{{TRACK}}</dd>
<dt>Kind</dt><dd>{{KIND}}</dd>
<dt>Status</dt><dd>{{STATUS}}</dd>
<dt>Speakers</dt><dd class="pre">{{SPEAKERS:pre_escape}}</dd>
<dt>Links</dt><dd class="pre">{{MATERIALS:pre_escape}}</dd>
<dt>Abstract</dt><dd class="pre">{{ABSTRACT:pre_escape}}</dd>
</dl>
</section>{{/CONFLICT}}
{{#CLASH}}<section class="conflict">
<h2>Clashes</h2>
<p>At this time:</p>
<ul>{{#CLASH_ITEM}}<li>{{TEXT}}</li>{{/CLASH_ITEM}}</ul>
<p>Tick “Save anyway” below if that is intended.</p>
</section>{{/CLASH}}
<form method="post" action="{{FORM_ACTION}}" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="revision" value="{{REVISION}}">
<label for="title">Title</label>
<input id="title" name="title" type="text" maxlength="300" required value="{{TITLE}}">
{{#TITLE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TITLE_ERROR}}
<label for="abstract">Abstract (Markdown: **bold**, *italic*, [link](https://…), lists)</label>
<textarea id="abstract" name="abstract" rows="8">{{ABSTRACT:pre_escape}}</textarea>
{{#ABSTRACT_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ABSTRACT_ERROR}}
<label for="day">Day (YYYY-MM-DD)</label>
<input id="day" name="day" type="date" required value="{{DAY}}">
{{#DAY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DAY_ERROR}}
<label for="start">Start</label>
<input id="start" name="start" type="time" required value="{{START}}">
{{#START_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/START_ERROR}}
<label for="end">End</label>
<input id="end" name="end" type="time" required value="{{END}}">
{{#END_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/END_ERROR}}
<label for="room_id">Room</label>
<select id="room_id" name="room_id">{{#ROOM_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/ROOM_OPTION}}</select>
{{#ROOM_ID_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ROOM_ID_ERROR}}
<label for="track_id">Track</label>
<select id="track_id" name="track_id"><option value="">(none)</option>{{#TRACK_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/TRACK_OPTION}}</select>
{{#TRACK_ID_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TRACK_ID_ERROR}}
<label for="kind">Kind</label>
<select id="kind" name="kind">{{#KIND_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/KIND_OPTION}}</select>
{{#KIND_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/KIND_ERROR}}
<label for="status">Status</label>
<select id="status" name="status">{{#STATUS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/STATUS_OPTION}}</select>
{{#STATUS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/STATUS_ERROR}}
<label for="speakers">Speakers (one name per line, in billing order; new names become new speakers)</label>
<textarea id="speakers" name="speakers" rows="3">{{SPEAKERS:pre_escape}}</textarea>
{{#SPEAKERS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SPEAKERS_ERROR}}
<label for="materials">Links (one per line: Label | https://…)</label>
<textarea id="materials" name="materials" rows="3">{{MATERIALS:pre_escape}}</textarea>
{{#MATERIALS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/MATERIALS_ERROR}}
{{#CLASH}}<label class="check"><input type="checkbox" name="accept_clash" value="1"> Save anyway, despite the clashes</label>{{/CLASH}}
<button type="submit" name="action" value="save">Save</button>
{{#EXISTING}}<button type="submit" name="action" value="delete" class="danger">Delete this session</button>{{/EXISTING}}
</form>
{{#EXISTING}}<h2 id="late">Running late</h2>
<form method="post" action="/admin/session/{{ID}}/delay" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="minutes">Delay by (minutes)</label>
<input id="minutes" name="minutes" type="number" inputmode="numeric" min="1" max="240" required>
<label class="check"><input type="checkbox" name="following" value="1" checked> and every later session in this room that day</label>
<button type="submit" name="action" value="preview">Show what moves</button>
</form>
<h2 id="swap">Swap or move</h2>
{{#SWAP_CHOICES}}<form method="post" action="/admin/session/{{ID}}/move" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="with">Swap slots with (same day)</label>
<select id="with" name="with">{{#SWAP_OPTION}}<option value="{{VALUE}}">{{NAME}}</option>{{/SWAP_OPTION}}</select>
<button type="submit" name="action" value="preview">Show the swap</button>
</form>{{/SWAP_CHOICES}}
<form method="post" action="/admin/session/{{ID}}/move" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="move_room">Move to room (same time)</label>
<select id="move_room" name="room_id">{{#MOVE_ROOM_OPTION}}<option value="{{VALUE}}">{{NAME}}</option>{{/MOVE_ROOM_OPTION}}</select>
<button type="submit" name="action" value="preview">Show the move</button>
</form>{{/EXISTING}}
