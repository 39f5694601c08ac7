{{%AUTOESCAPE context="HTML"}}{{! :pre_escape escapes exactly like the default :h but keeps line breaks, which :h turns into spaces. }}<p class="back"><a href="/admin/announcements">← All announcements</a></p>
<h1>Edit announcement</h1>
{{#SAVED}}<p class="notice" role="status">Saved. Delegates see the change within a few seconds.</p>{{/SAVED}}
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/PROBLEM}}
<p class="when-where">Times: {{>ZONE}}</p>
<p class="announcement-state">{{STATE_TEXT}} · {{ROOM}}</p>
{{#CONFLICT}}<section class="conflict">
<h2>Their version</h2>
<p>Someone changed this announcement while you were editing it. What you typed is still in the form below; compare, merge what you need, and send it again.</p>
<dl class="facts">
<dt>Text</dt><dd class="pre">{{BODY:pre_escape}}</dd>
<dt>Level</dt><dd>{{LEVEL}}</dd>
<dt>Where</dt><dd>{{ROOM}}</dd>
<dt>State</dt><dd>{{STATE}}</dd>
</dl>
</section>{{/CONFLICT}}
{{#EDIT}}<form method="post" action="/admin/announcements/{{ID}}" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="revision" value="{{REVISION}}">
{{>FIELDS}}
<div class="buttons"><button type="submit" name="action" value="save">Save</button>
<button type="submit" name="action" value="withdraw" class="danger">Withdraw</button></div>
</form>{{/EDIT}}
{{#REPOST}}<p>This announcement is withdrawn: delegates no longer see it. To show this text again, post it as a new announcement.</p>
<form method="post" action="/admin/announcements" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{>FIELDS}}
<button type="submit">Post as a new announcement</button>
</form>{{/REPOST}}
