{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← All sessions</a> · <a href="/session/{{ID}}">Delegate view</a></p>
<h1>Edit session</h1>
<p class="history-link"><a href="/admin/session/{{ID}}/history">History of this session: every change, who made it, and restore</a></p>
{{#SAVED}}<p class="notice" role="status">Saved. Delegates see the change within a few seconds.</p>{{/SAVED}}
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
<dt>Abstract</dt><dd class="pre">{{ABSTRACT}}</dd>
</dl>
</section>{{/CONFLICT}}
<form method="post" action="/admin/session/{{ID}}" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="revision" value="{{REVISION}}">
<label for="title">Title</label>
<input id="title" name="title" type="text" maxlength="300" required value="{{TITLE}}">
{{#TITLE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TITLE_ERROR}}
<label for="abstract">Abstract</label>
<textarea id="abstract" name="abstract" rows="8">{{ABSTRACT}}</textarea>
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
<button type="submit">Save</button>
</form>
