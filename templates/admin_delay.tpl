{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin/session/{{ID}}">← Back to the session</a></p>
<h1>Running late</h1>
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/PROBLEM}}
<form method="post" action="/admin/session/{{ID}}/delay" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="minutes">Delay by (minutes)</label>
<input id="minutes" name="minutes" type="number" inputmode="numeric" min="1" max="240" required value="{{MINUTES}}">
<label class="check"><input type="checkbox" name="following" value="1"{{#FOLLOWING}} checked{{/FOLLOWING}}> and every later session in this room that day</label>
<button type="submit" name="action" value="preview">Show what moves</button>
</form>
{{#PREVIEW}}<h2>What moves</h2>
<table class="admin-list">
<thead><tr><th>Session</th><th>Now</th><th>Then</th></tr></thead>
<tbody>
{{#MOVE}}<tr><td><a href="/admin/session/{{SESSION}}">{{TITLE}}</a></td><td>{{OLD}}</td><td>{{NEW}}</td></tr>
{{/MOVE}}</tbody>
</table>
{{#CLASH}}<section class="conflict">
<h2>Clashes</h2>
<p>After the move:</p>
<ul>{{#CLASH_ITEM}}<li>{{TEXT}}</li>{{/CLASH_ITEM}}</ul>
</section>{{/CLASH}}
<form method="post" action="/admin/session/{{ID}}/delay" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="minutes" value="{{MINUTES}}">
{{#FOLLOWING}}<input type="hidden" name="following" value="1">{{/FOLLOWING}}
<input type="hidden" name="previewed" value="{{PREVIEWED}}">
{{#CLASH}}<label class="check"><input type="checkbox" name="accept_clash" value="1"> Save anyway, despite the clashes</label>{{/CLASH}}
<label class="check"><input type="checkbox" name="announce" value="1"{{#ANNOUNCE}} checked{{/ANNOUNCE}}> Post this announcement (important, for this room and on every delegate page, for two hours)</label>
<label for="announcement">Announcement</label>
<textarea id="announcement" name="announcement" rows="3">
{{ANNOUNCEMENT:pre_escape}}</textarea>
<button type="submit" name="action" value="save">Move {{COUNT}} in one save</button>
</form>{{/PREVIEW}}
