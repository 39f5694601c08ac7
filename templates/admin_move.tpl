{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin/session/{{ID}}">← Back to the session</a></p>
<h1>{{HEADING}}</h1>
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/PROBLEM}}
{{#PREVIEW}}<table class="admin-list">
<thead><tr><th>Session</th><th>Now</th><th>Then</th></tr></thead>
<tbody>
{{#MOVE}}<tr><td><a href="/admin/session/{{SESSION}}">{{TITLE}}</a></td><td>{{OLD}}</td><td>{{NEW}}</td></tr>
{{/MOVE}}</tbody>
</table>
{{#CLASH}}<section class="conflict">
<h2>Clashes</h2>
<p>After the change:</p>
<ul>{{#CLASH_ITEM}}<li>{{TEXT}}</li>{{/CLASH_ITEM}}</ul>
</section>{{/CLASH}}
<form method="post" action="/admin/session/{{ID}}/move" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#SWAP}}<input type="hidden" name="with" value="{{WITH}}">{{/SWAP}}
{{#ROOM}}<input type="hidden" name="room_id" value="{{ROOM_ID}}">{{/ROOM}}
<input type="hidden" name="previewed" value="{{PREVIEWED}}">
{{#CLASH}}<label class="check"><input type="checkbox" name="accept_clash" value="1"> Save anyway, despite the clashes</label>{{/CLASH}}
<button type="submit" name="action" value="save">{{BUTTON}}</button>
</form>{{/PREVIEW}}
