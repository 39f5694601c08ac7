{{%AUTOESCAPE context="HTML"}}<form method="post" action="/admin/name" class="staff-name">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="display_name">Your name</label>
<input id="display_name" name="display_name" type="text" maxlength="60" required value="{{DISPLAY_NAME}}">
<button type="submit">Use this name</button>
{{#NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
<p class="meta current-name">{{#CURRENT_NAME}}The history records your changes as <strong>{{NAME}}</strong>.{{/CURRENT_NAME}}{{#NO_CURRENT_NAME}}Staff share one login: give your name so the history can tell your changes apart (until then they show as “staff”).{{/NO_CURRENT_NAME}}</p>
</form>
