{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin/speakers">← All speakers</a></p>
<h1>Edit speaker</h1>
{{#SAVED}}<p class="notice" role="status">Saved. Delegates see the change within a few seconds.</p>{{/SAVED}}
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/PROBLEM}}
{{#CONFLICT}}<section class="conflict">
<h2>Their version</h2>
<p>Someone saved this speaker while you were editing. Your values are still in the form below; compare, merge what you need, and save again.</p>
<dl class="facts">
<dt>Name</dt><dd>{{NAME}}</dd>
<dt>Affiliation</dt><dd>{{AFFILIATION}}</dd>
<dt>Biography</dt><dd class="pre">{{BIO:pre_escape}}</dd>
</dl>
</section>{{/CONFLICT}}
<form method="post" action="/admin/speakers/{{ID}}" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<label for="name">Name</label>
<input id="name" name="name" type="text" maxlength="200" required value="{{NAME}}">
{{#NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
<label for="affiliation">Affiliation</label>
<input id="affiliation" name="affiliation" type="text" maxlength="300" value="{{AFFILIATION}}">
{{#AFFILIATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/AFFILIATION_ERROR}}
<label for="bio">Biography</label>
{{! :pre_escape escapes exactly as the HTML default does but keeps line breaks, which the default turns into spaces (paragraphs would be lost on every save). The newline after <textarea> is dropped by HTML parsers, so a text that starts with a line break keeps it. }}
<textarea id="bio" name="bio" rows="8">
{{BIO:pre_escape}}</textarea>
{{#BIO_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/BIO_ERROR}}
<button type="submit">Save</button>
</form>
{{#HAS_SESSIONS}}<h2>Speaks in</h2>
<ul>{{#SESSION}}<li><a href="/admin/session/{{SESSION_ID}}">{{TITLE}}</a></li>{{/SESSION}}</ul>{{/HAS_SESSIONS}}
