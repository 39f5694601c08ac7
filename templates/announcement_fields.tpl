{{%AUTOESCAPE context="HTML"}}{{! :pre_escape escapes exactly like the default :h but keeps line breaks, which :h turns into spaces. }}<label for="body">Text (shown at the top of every delegate page)</label>
<textarea id="body" name="body" rows="4" required>{{BODY:pre_escape}}</textarea>
{{#BODY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/BODY_ERROR}}
<label for="level">Level</label>
<select id="level" name="level">{{#LEVEL_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/LEVEL_OPTION}}</select>
{{#LEVEL_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/LEVEL_ERROR}}
<label for="ends">Ends</label>
<select id="ends" name="ends">{{#ENDS_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/ENDS_OPTION}}</select>
{{#ENDS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ENDS_ERROR}}
<label for="duration">Duration, from now (when it ends after the duration)</label>
<div class="duration"><input id="duration" name="duration" type="text" inputmode="numeric" size="6" value="{{DURATION}}">
<select id="unit" name="unit" aria-label="Unit of the duration">{{#UNIT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/UNIT_OPTION}}</select></div>
{{#DURATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/DURATION_ERROR}}
