{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← All sessions</a>{{#EDIT_LINK}} · <a href="/admin/session/{{ID}}">Edit this session</a>{{/EDIT_LINK}}</p>
<h1>History: {{TITLE}}</h1>
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}} <a href="/admin/session/{{ID}}/history">Back to the history</a></p>{{/PROBLEM}}
{{#GONE}}<p class="notice">This session has been deleted; its history remains.</p>{{/GONE}}
{{#NO_ENTRIES}}<p>No change by staff has been recorded for this session yet.</p>{{/NO_ENTRIES}}
<ol class="history">
{{#ENTRY}}<li class="history-entry action-{{ACTION}}" id="entry-{{AUDIT_ID}}">
<p class="who"><span class="when">{{TIME}}</span> · <strong class="staff-name">{{STAFF_NAME}}</strong> <span class="meta">from <span class="client-addr">{{CLIENT_ADDR}}</span></span> {{ACTION_LABEL}}</p>
{{#CHANGES}}<table class="changes">
<thead><tr><th>Field</th><th>Before</th><th><span class="visually-hidden">changed to</span></th><th>After</th></tr></thead>
<tbody>
{{#CHANGE}}<tr class="change-{{KEY}}"><th scope="row">{{FIELD}}</th><td class="before pre">{{BEFORE}}</td><td class="arrow">→</td><td class="after pre">{{AFTER}}</td></tr>
{{/CHANGE}}</tbody>
</table>{{/CHANGES}}
{{#NO_CHANGE}}<p class="meta">No field changed.</p>{{/NO_CHANGE}}
{{#RESTORE}}<form method="post" action="/admin/session/{{ID}}/restore" class="restore">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="revision" value="{{REVISION}}">
<input type="hidden" name="audit_id" value="{{AUDIT_ID}}">
<button type="submit">Restore this version</button>
</form>{{/RESTORE}}
{{#RESTORE_BEFORE}}<form method="post" action="/admin/session/{{ID}}/restore" class="restore">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="revision" value="{{REVISION}}">
<input type="hidden" name="audit_id" value="{{AUDIT_ID}}">
<input type="hidden" name="version" value="before">
<button type="submit">Restore the version before this change</button>
</form>{{/RESTORE_BEFORE}}
</li>
{{/ENTRY}}</ol>
