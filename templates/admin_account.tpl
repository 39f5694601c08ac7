{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Administration</a></p>
<h1>Your password</h1>
{{#CHANGED}}<p class="notice" role="status">Your password was changed. Your other sessions have ended; you stay logged in here.</p>{{/CHANGED}}
{{#PROBLEM}}<p class="error" role="alert">{{MESSAGE}}</p>{{/PROBLEM}}
{{#SHARED}}<p>You are logged in with the shared staff login. Its password is changed on <a href="/admin/passwords">Passwords</a>; people with a login of their own are added on <a href="/admin/people">People</a>.</p>{{/SHARED}}
{{#PERSON}}<p>You are logged in as <strong>{{NAME}}</strong>. A new password ends your other sessions (on other devices, say), and nobody else’s.</p>
<form method="post" action="/admin/account" class="edit">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="password">New password (at least 8 characters)</label>
<input id="password" name="password" type="password" minlength="8" required autocomplete="new-password">
<label for="password_again">The same again</label>
<input id="password_again" name="password_again" type="password" minlength="8" required autocomplete="new-password">
<button type="submit">Change your password</button>
</form>{{/PERSON}}
