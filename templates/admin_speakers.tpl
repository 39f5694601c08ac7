{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Administration</a></p>
<h1>Speakers</h1>
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/PROBLEM}}
<table class="admin-list">
<thead><tr><th>Name</th><th>Affiliation</th><th>Sessions</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="/admin/speakers/{{ID}}">{{NAME}}</a></td><td>{{AFFILIATION}}</td><td>{{SESSIONS}}</td></tr>
{{/ROW}}</tbody>
</table>
<h2 id="add">Add a speaker</h2>
<form method="post" action="/admin/speakers" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">Name</label>
<input id="name" name="name" type="text" maxlength="200" required value="{{NAME}}">
{{#NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
<label for="affiliation">Affiliation</label>
<input id="affiliation" name="affiliation" type="text" maxlength="300" value="{{AFFILIATION}}">
{{#AFFILIATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/AFFILIATION_ERROR}}
<label for="bio">Biography</label>
{{! :pre_escape escapes exactly as the HTML default does but keeps line breaks, which the default turns into spaces (paragraphs would be lost on every save). The newline after <textarea> is dropped by HTML parsers, so a text that starts with a line break keeps it. }}
<textarea id="bio" name="bio" rows="6">
{{BIO:pre_escape}}</textarea>
{{#BIO_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/BIO_ERROR}}
<button type="submit">Add</button>
</form>
