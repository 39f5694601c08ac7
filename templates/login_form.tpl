{{%AUTOESCAPE context="HTML"}}<form method="post" action="/login" class="login">
<input type="hidden" name="next" value="{{NEXT}}">
<label for="username">User name</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="{{USERNAME}}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Log in</button>
</form>
