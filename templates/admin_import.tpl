{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Administration</a> · <a href="/">Public page</a></p>
<h1>Import a schedule</h1>
<p>Paste a frab schedule XML, a schedule JSON (as <code>/schedule.json</code> exports it) or a CSV with the columns <code>guid,title,day,start,end,room,track,kind,status,speakers,abstract</code> (the first row names them). Sessions whose guid is already stored are updated in place; the others are added. Nothing changes until you confirm the preview. Up to 64 KiB here; larger files with <code>confsched import</code> on the server.</p>
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/PROBLEM}}
{{#RESULT}}<p class="notice" role="status">Imported. Everybody sees the change within a few seconds.</p>
<pre class="import-plan">{{TEXT:pre_escape}}</pre>{{/RESULT}}
{{#PLAN}}<section class="import-preview">
<h2>What the import would do</h2>
<pre class="import-plan">{{TEXT:pre_escape}}</pre>
<p>Nothing has been written yet. Check the list, then press <strong>Import</strong> below.</p>
</section>{{/PLAN}}
{{! :pre_escape keeps the line breaks a CSV needs; the newline after <textarea> is dropped by HTML parsers. }}
<form method="post" action="/admin/import" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="format">Format</label>
<select id="format" name="format">{{#FORMAT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/FORMAT}}</select>
<label for="schedule">Schedule</label>
<textarea id="schedule" name="schedule" rows="16" required>
{{SCHEDULE:pre_escape}}</textarea>
<label><input type="checkbox" name="prune" value="1"{{#PRUNE}} checked{{/PRUNE}}> Delete stored sessions the file does not hold</label>
<button type="submit" name="action" value="preview">Preview</button>
{{#PLAN}}<input type="hidden" name="previewed" value="{{DIGEST}}">
<button type="submit" name="action" value="import">Import</button>{{/PLAN}}
</form>
