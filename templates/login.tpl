{{%AUTOESCAPE context="HTML"}}<section class="login-box">
<h1>Log in</h1>
{{#ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<p>Log in with the delegate user name and password from your registration e-mail.</p>
{{>LOGIN_FORM}}
</section>
