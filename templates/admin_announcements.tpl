{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Programme</a></p>
<h1>Announcements</h1>
{{#POSTED}}<p class="notice" role="status">Posted. Delegates see it within a few seconds of its start.</p>{{/POSTED}}
{{#WITHDRAWN}}<p class="notice" role="status">Withdrawn. Delegates stop seeing it within a few seconds.</p>{{/WITHDRAWN}}
<p class="when-where">Times: {{>ZONE}}</p>
<section class="new-announcement">
<h2>New announcement</h2>
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/PROBLEM}}
<form method="post" action="/admin/announcements" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>FIELDS}}
<button type="submit">Post</button>
</form>
</section>
<h2>All announcements</h2>
{{#NONE}}<p>None yet.</p>{{/NONE}}
{{#HAS_ROWS}}<table class="admin-list announcement-list">
<thead><tr><th>Text</th><th>Where</th><th>Level</th><th>State</th><th>Withdraw</th></tr></thead>
<tbody>
{{#ROW}}<tr class="state-{{STATE}}" id="announcement-{{ID}}"><td><a href="/admin/announcements/{{ID}}">{{TEXT}}</a></td><td>{{ROOM}}</td><td>{{LEVEL}}</td><td>{{STATE_TEXT}}</td><td>{{#CAN_WITHDRAW}}<form method="post" action="/admin/announcements/{{ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="revision" value="{{REVISION}}"><button type="submit" name="action" value="withdraw" class="danger">Withdraw</button></form>{{/CAN_WITHDRAW}}</td></tr>
{{/ROW}}</tbody>
</table>{{/HAS_ROWS}}
