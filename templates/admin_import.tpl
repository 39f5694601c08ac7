{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Administration</a> · <a href="/">Public page</a></p>
<h1>Import a schedule</h1>
<p>Upload a frab schedule XML, a schedule JSON (as <code>/schedule.json</code> exports it) or a CSV with the columns <code>guid,title,day,start,end,room,track,kind,status,speakers,abstract</code> (the first row names them). Sessions whose guid is already stored are updated in place; the others are added. Nothing changes until you confirm the preview. Files up to {{MAX_MIB}} MiB here; larger ones with <code>confsched import</code> on the server.</p>
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/PROBLEM}}
{{#RESULT}}<p class="notice" role="status">Imported. Everybody sees the change within a few seconds.</p>
<pre class="import-plan">{{TEXT:pre_escape}}</pre>{{/RESULT}}
{{! The Import button sends the previewed file back itself (a file input cannot be filled again): base64url in a hidden field, with the choices previewed, bound by their digest. }}
{{#PLAN}}<section class="import-preview">
<h2>What importing {{FILENAME}} would do</h2>
<pre class="import-plan">{{TEXT:pre_escape}}</pre>
<p>Nothing has been written yet. Check the list, then press <strong>Import</strong>.</p>
<form method="post" action="/admin/import" enctype="multipart/form-data">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="format" value="{{CHOSEN_FORMAT}}">
{{#PRUNE_CHOSEN}}<input type="hidden" name="prune" value="1">{{/PRUNE_CHOSEN}}
<input type="hidden" name="filename" value="{{FILENAME_VALUE}}">
<input type="hidden" name="content" value="{{CONTENT}}">
<input type="hidden" name="previewed" value="{{DIGEST}}">
<button type="submit" name="action" value="import">Import</button>
</form>
</section>{{/PLAN}}
<form method="post" action="/admin/import" enctype="multipart/form-data" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="format">Format</label>
<select id="format" name="format">{{#FORMAT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/FORMAT}}</select>
<label for="schedule">Schedule file</label>
<input type="file" id="schedule" name="schedule" accept=".xml,.json,.csv" required>
<label><input type="checkbox" name="prune" value="1"{{#PRUNE}} checked{{/PRUNE}}> Delete stored sessions the file does not hold</label>
<button type="submit" name="action" value="preview">Preview</button>
</form>
