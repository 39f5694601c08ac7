{{%AUTOESCAPE context="HTML"}}<h1>Programme administration</h1>
{{#PERSON}}<p class="signed-in">Signed in as <strong>{{NAME}}</strong> ({{ROLE}}). Your changes are logged under this name. <a href="/admin/account">Your password</a></p>{{/PERSON}}
{{#SHARED}}<p class="signed-in">Signed in with the shared staff login: changes are logged as “{{NAME}}”. Give each person a login of their own on <a href="/admin/people">People</a>; the shared login then stops working.</p>{{/SHARED}}
<nav class="admin-nav" aria-label="Staff pages"><a href="/admin/session/new">Add a session</a> · <a href="/admin/day">Day overview</a> · <a href="/admin/rooms/status">Room status</a> · <a href="/admin/announcements">Announcements</a> · <a href="/admin/rooms">Rooms</a> · <a href="/admin/tracks">Tracks</a> · <a href="/admin/speakers">Speakers</a> · <a href="/admin/checkin">Speaker check-in</a> · <a href="/admin/upstream">Upstream</a>{{#ADMIN}} · <a href="/admin/event">Event</a> · <a href="/admin/displays">Room screens</a> · <a href="/admin/people">People</a> · <a href="/admin/passwords">Passwords</a> · <a href="/admin/import">Import</a>{{/ADMIN}}</nav>
{{#SYNC}}<p class="sync-line{{#FAILING}} error-text{{/FAILING}}">Synced from {{URL}}: last success {{LAST_SUCCESS}}, last change {{LAST_CHANGE}}.{{#FAILING}} The last attempt failed at {{ERROR_AT}} UTC: {{ERROR}}{{/FAILING}}{{#WAITING}} <a href="/admin/upstream">{{COUNT}} upstream {{CHANGES}} waiting for a decision</a>.{{/WAITING}}</p>{{/SYNC}}
{{#DELETED}}<p class="notice" role="status">The session was deleted.</p>{{/DELETED}}
{{#SAVED}}<p class="notice" role="status">Saved “{{TITLE}}”. Delegates see it within a few seconds.</p>{{/SAVED}}
<p class="when-where">Session times: {{>ZONE}}</p>
{{#DAY}}<section class="day">
<h2>{{DAY_LABEL}} <a class="view-switch" href="/admin/day?day={{DAY}}">Rooms × time</a></h2>
<table class="admin-list">
<thead><tr><th>Time</th><th>Room</th><th>Session</th><th>Status</th><th>Last change</th></tr></thead>
<tbody>
{{#ROW}}<tr class="status-{{STATUS}}"><td>{{START}}–{{END}}</td><td>{{ROOM}}</td><td><a href="/admin/session/{{ID}}">{{TITLE}}</a></td><td>{{STATUS}}</td><td>{{UPDATED_AT}}</td></tr>
{{/ROW}}</tbody>
</table>
</section>
{{/DAY}}
