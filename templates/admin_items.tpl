{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Administration</a></p>
<h1>{{TITLE}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/NOTICE}}
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/PROBLEM}}
<p>{{DETAIL_HINT}} A {{SINGULAR}} can be deleted only while no session uses it.</p>
<ul class="items">
{{#ROW}}<li id="{{ANCHOR}}-{{ID}}">
{{#ROW_PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/ROW_PROBLEM}}
{{#CONFLICT}}<p class="conflict">Their version: <strong>{{NAME}}</strong>, {{DETAIL_LABEL}} {{DETAIL}}{{ROOM_DETAILS}}</p>{{/CONFLICT}}
<form method="post" action="{{PATH}}" class="item-row">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="id" value="{{ID}}">
<input type="hidden" name="version" value="{{VERSION}}">
<label for="name-{{ID}}">Name</label>
<input id="name-{{ID}}" name="name" type="text" maxlength="200" required value="{{NAME}}">
<label for="detail-{{ID}}">{{DETAIL_LABEL}}</label>
<input id="detail-{{ID}}" name="{{DETAIL_FIELD}}" type="{{DETAIL_TYPE}}" required value="{{DETAIL}}">
{{#ROOM_DETAILS}}<label for="description-{{ID}}">Description</label>
<input id="description-{{ID}}" name="description" type="text" maxlength="300" value="{{DESCRIPTION}}">
<label for="floor-{{ID}}">Floor</label>
<input id="floor-{{ID}}" name="floor" type="text" maxlength="100" value="{{FLOOR}}">
<label for="map_url-{{ID}}">Map link</label>
<input id="map_url-{{ID}}" name="map_url" type="url" maxlength="2000" value="{{MAP_URL}}">
<label for="stream_url-{{ID}}">Stream link</label>
<input id="stream_url-{{ID}}" name="stream_url" type="url" maxlength="2000" value="{{STREAM_URL}}">
{{/ROOM_DETAILS}}<button type="submit" name="action" value="save">Save</button>
<button type="submit" name="action" value="delete" class="secondary">Delete</button>
<span class="usage">{{USAGE}}</span>
</form>
{{#NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
{{#DETAIL_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DETAIL_ERROR}}
{{#ROOM_DETAILS}}{{#DESCRIPTION_ERROR}}<p class="field-error">{{MESSAGE}}</p>
{{/DESCRIPTION_ERROR}}{{#FLOOR_ERROR}}<p class="field-error">{{MESSAGE}}</p>
{{/FLOOR_ERROR}}{{#MAP_URL_ERROR}}<p class="field-error">{{MESSAGE}}</p>
{{/MAP_URL_ERROR}}{{#STREAM_URL_ERROR}}<p class="field-error">{{MESSAGE}}</p>
{{/STREAM_URL_ERROR}}{{/ROOM_DETAILS}}</li>
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
{{#ROOM_DETAILS}}<label for="description-new">Description</label>
<input id="description-new" name="description" type="text" maxlength="300" value="{{DESCRIPTION}}">
{{#DESCRIPTION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DESCRIPTION_ERROR}}
<label for="floor-new">Floor</label>
<input id="floor-new" name="floor" type="text" maxlength="100" value="{{FLOOR}}">
{{#FLOOR_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/FLOOR_ERROR}}
<label for="map_url-new">Map link</label>
<input id="map_url-new" name="map_url" type="url" maxlength="2000" value="{{MAP_URL}}">
{{#MAP_URL_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/MAP_URL_ERROR}}
<label for="stream_url-new">Stream link</label>
<input id="stream_url-new" name="stream_url" type="url" maxlength="2000" value="{{STREAM_URL}}">
{{#STREAM_URL_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/STREAM_URL_ERROR}}
{{/ROOM_DETAILS}}<button type="submit">Add</button>
</form>{{/ADD}}
