{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Administration</a></p>
<h1>People</h1>
{{#NOTICE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/NOTICE}}
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/PROBLEM}}
<p>Each person logs in with their own name and password, and the history of every change names them. Editors run the programme; admins also manage people, the shared passwords, imports, the event and the rooms’ screens. Removing someone or giving them a new password ends their sessions, and nobody else’s.</p>
{{#SHARED_ON}}<p>Nobody has a login of their own yet, so staff log in with the shared staff login. Adding the first person turns the shared login off: add yourself, as an admin, first.</p>{{/SHARED_ON}}
{{#PERSON}}<section class="person" id="person-{{ID}}" aria-labelledby="person-{{ID}}-name">
<h2 id="person-{{ID}}-name">{{NAME}} <span class="role">({{ROLE}}{{#YOU}}, you{{/YOU}})</span></h2>
{{#ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="/admin/people" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="id" value="{{ID}}">
<label for="role-{{ID}}">Role</label>
<select id="role-{{ID}}" name="role">{{#ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/ROLE_OPTION}}</select>
<button type="submit" name="action" value="role">Change the role</button>
</form>
<form method="post" action="/admin/people" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="id" value="{{ID}}">
<label for="password-{{ID}}">New password</label>
<input id="password-{{ID}}" name="password" type="password" minlength="8" required autocomplete="new-password">
<label for="again-{{ID}}">The same again</label>
<input id="again-{{ID}}" name="password_again" type="password" minlength="8" required autocomplete="new-password">
<button type="submit" name="action" value="password">Set the new password</button>
</form>
<form method="post" action="/admin/people" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="id" value="{{ID}}">
<button type="submit" name="action" value="remove">Remove {{NAME}}</button>
</form>
</section>
{{/PERSON}}
<h2 id="add">Add a person</h2>
<form method="post" action="/admin/people" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="name">Name (they log in with it; the history shows it)</label>
<input id="name" name="name" type="text" maxlength="60" required autocapitalize="words" autocomplete="off" value="{{NAME}}">
{{#NAME_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/NAME_ERROR}}
<label for="role">Role</label>
<select id="role" name="role">{{#ADD_ROLE_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/ADD_ROLE_OPTION}}</select>
<label for="password">Password (at least 8 characters)</label>
<input id="password" name="password" type="password" minlength="8" required autocomplete="new-password">
<label for="password_again">The same again</label>
<input id="password_again" name="password_again" type="password" minlength="8" required autocomplete="new-password">
{{#PASSWORD_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/PASSWORD_ERROR}}
<button type="submit" name="action" value="add">Add</button>
</form>
