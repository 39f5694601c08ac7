{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Administration</a></p>
<h1>Upstream changes</h1>
<p>Sessions edited here are kept when the programme is synced from its source. When the source changes such a session too, its change waits here: take it, or keep the version set here.</p>
{{#NOTICE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/NOTICE}}
{{#NEVER_SYNCED}}<p class="nothing">No sync has run yet (<code>[sync] url</code> and <code>confsched sync</code>, see the README).</p>{{/NEVER_SYNCED}}
{{#SYNC}}<dl class="sync-status">
<dt>Source</dt><dd>{{URL}}</dd>
<dt>Last attempt</dt><dd>{{LAST_ATTEMPT}} UTC</dd>
<dt>Last success</dt><dd>{{LAST_SUCCESS}}</dd>
<dt>Last change</dt><dd>{{LAST_CHANGE}}</dd>
{{#ERROR}}<dt>Last error</dt><dd class="error-text" role="alert">{{AT}} UTC: {{TEXT}}</dd>{{/ERROR}}
</dl>{{/SYNC}}
{{#NOTHING_WAITING}}<p class="nothing">No upstream change is waiting.</p>{{/NOTHING_WAITING}}
<ol class="upstream-changes">
{{#CHANGE}}<li id="session-{{ID}}">
<h2><a href="/admin/session/{{ID}}">{{TITLE}}</a></h2>
<ul>{{#LINE}}<li>{{TEXT}}</li>{{/LINE}}</ul>
<p class="when-where">Waiting since {{SINCE}} UTC.</p>
<form method="post" action="/admin/upstream" class="taps">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="session_id" value="{{ID}}">
<button type="submit" name="choice" value="take">{{TAKE_LABEL}}</button>
<button type="submit" name="choice" value="keep">Keep ours</button>
</form>
</li>
{{/CHANGE}}</ol>
