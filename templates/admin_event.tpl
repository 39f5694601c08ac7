{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Administration</a> · <a href="/">Public page</a></p>
<h1>The event</h1>
{{#SAVED}}<p class="notice" role="status">Saved. Everybody sees the change within a few seconds.</p>{{/SAVED}}
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/PROBLEM}}
{{#CONFLICT}}<section class="conflict">
<h2>Their version</h2>
<p>Someone saved the event while you were editing it. Your values are still in the form below; compare, merge what you need, and save again.</p>
<dl class="facts">
<dt>Name</dt><dd>{{NAME}}</dd>
<dt>Tagline</dt><dd>{{TAGLINE}}</dd>
<dt>Venue</dt><dd>{{VENUE}}</dd>
<dt>Dates</dt><dd>{{STARTS_ON}} to {{ENDS_ON}}</dd>
<dt>Day changes at</dt><dd>{{DAY_CHANGE}}</dd>
<dt>Introduction</dt><dd class="pre">{{INTRO:pre_escape}}</dd>
</dl>
</section>{{/CONFLICT}}
<form method="post" action="/admin/event" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<label for="name">Name</label>
<input id="name" name="name" type="text" maxlength="200" required value="{{NAME}}">
{{#NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
<label for="tagline">Tagline</label>
<input id="tagline" name="tagline" type="text" maxlength="300" value="{{TAGLINE}}">
{{#TAGLINE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TAGLINE_ERROR}}
<label for="venue">Venue</label>
<input id="venue" name="venue" type="text" maxlength="300" value="{{VENUE}}">
{{#VENUE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/VENUE_ERROR}}
<label for="starts_on">First day (YYYY-MM-DD)</label>
<input id="starts_on" name="starts_on" type="date" required value="{{STARTS_ON}}">
{{#STARTS_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/STARTS_ON_ERROR}}
<label for="ends_on">Last day (YYYY-MM-DD)</label>
<input id="ends_on" name="ends_on" type="date" required value="{{ENDS_ON}}">
{{#ENDS_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ENDS_ON_ERROR}}
<label for="day_change">Each day runs until (HH:MM next morning: a session after midnight and before it belongs to the day before; 00:00 for midnight)</label>
<input id="day_change" name="day_change" type="text" inputmode="numeric" pattern="[0-9]{2}:[0-9]{2}" maxlength="5" value="{{DAY_CHANGE}}">
{{#DAY_CHANGE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DAY_CHANGE_ERROR}}
{{! :pre_escape escapes exactly as the HTML default does but keeps line breaks, which the default turns into spaces (paragraphs would be lost on every save). The newline after <textarea> is dropped by HTML parsers, so a text that starts with a line break keeps it. }}
<label for="intro">Introduction (a blank line starts a new paragraph)</label>
<textarea id="intro" name="intro" rows="10">
{{INTRO:pre_escape}}</textarea>
{{#INTRO_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/INTRO_ERROR}}
<button type="submit">Save</button>
</form>
