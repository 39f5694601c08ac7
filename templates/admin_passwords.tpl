{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Administration</a></p>
<h1>Passwords</h1>
{{#NOTICE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/NOTICE}}
<p>Delegates share one password, staff another. A new password takes effect at once: everybody logged in with the old one must log in again. At least 8 characters.</p>
<h2>Delegate password</h2>
<form method="post" action="/admin/passwords" class="edit" id="delegate">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="role" value="delegate">
{{#DELEGATE_ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/DELEGATE_ERROR}}
<label for="delegate-password">New delegate password</label>
<input id="delegate-password" name="password" type="password" minlength="8" required autocomplete="new-password">
<label for="delegate-again">The same again</label>
<input id="delegate-again" name="password_again" type="password" minlength="8" required autocomplete="new-password">
<button type="submit">Change the delegate password</button>
</form>
<h2>Staff password</h2>
<form method="post" action="/admin/passwords" class="edit" id="staff">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="role" value="staff">
{{#STAFF_ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/STAFF_ERROR}}
<label for="staff-password">New staff password</label>
<input id="staff-password" name="password" type="password" minlength="8" required autocomplete="new-password">
<label for="staff-again">The same again</label>
<input id="staff-again" name="password_again" type="password" minlength="8" required autocomplete="new-password">
<button type="submit">Change the staff password</button>
</form>
