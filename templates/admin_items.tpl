{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Administration</a></p>
<h1>{{TITLE}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/NOTICE}}
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/PROBLEM}}
<p>{{DETAIL_HINT}} A {{SINGULAR}} can be deleted only while no session uses it.</p>
<ul class="items">
{{#ROW}}<li id="{{SINGULAR}}-{{ID}}">
{{#ROW_PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/ROW_PROBLEM}}
{{#CONFLICT}}<p class="conflict">Their version: <strong>{{NAME}}</strong>, {{DETAIL_LABEL}} {{DETAIL}}</p>{{/CONFLICT}}
<form method="post" action="{{PATH}}" class="item-row">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="id" value="{{ID}}">
<input type="hidden" name="version" value="{{VERSION}}">
<label for="name-{{ID}}">Name</label>
<input id="name-{{ID}}" name="name" type="text" maxlength="200" required value="{{NAME}}">
<label for="detail-{{ID}}">{{DETAIL_LABEL}}</label>
<input id="detail-{{ID}}" name="{{DETAIL_FIELD}}" type="{{DETAIL_TYPE}}" required value="{{DETAIL}}">
<button type="submit" name="action" value="save">Save</button>
<button type="submit" name="action" value="delete" class="secondary">Delete</button>
<span class="usage">{{USAGE}}</span>
</form>
{{#NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
{{#DETAIL_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DETAIL_ERROR}}
</li>
{{/ROW}}</ul>
{{#ADD}}<h2>Add a {{SINGULAR}}</h2>
<form method="post" action="{{PATH}}" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="add">
<label for="name-new">Name</label>
<input id="name-new" name="name" type="text" maxlength="200" required value="{{NAME}}">
{{#NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
<label for="detail-new">{{DETAIL_LABEL}}</label>
<input id="detail-new" name="{{DETAIL_FIELD}}" type="{{DETAIL_TYPE}}" required value="{{DETAIL}}">
{{#DETAIL_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DETAIL_ERROR}}
<button type="submit">Add</button>
</form>{{/ADD}}
