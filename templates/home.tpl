{{%AUTOESCAPE context="HTML"}}<section class="hero">
<h1>{{EVENT_NAME}}</h1>
{{#TAGLINE}}<p class="tagline">{{TEXT}}</p>{{/TAGLINE}}
<p class="when-where"><span>{{DATES}}</span> · <span>{{VENUE}}</span></p>
</section>
<div class="intro">
{{#PARAGRAPH}}<p>{{TEXT}}</p>
{{/PARAGRAPH}}</div>
{{#SIGNED_OUT}}<section class="login-box">
<h2>Delegates</h2>
<p>The full schedule is for registered delegates. Log in with the user name and password from your registration e-mail.</p>
{{>LOGIN_FORM}}
</section>{{/SIGNED_OUT}}{{#SIGNED_IN}}<section class="login-box signed-in">
{{#LIVE}}<h2>You are logged in</h2>
{{/LIVE}}{{#ARCHIVE}}<h2>The programme as it was</h2>
{{/ARCHIVE}}<p class="go"><a class="button" href="/schedule">Open the schedule</a> <a class="button secondary" href="/now">What’s on now</a></p>
{{#STAFF}}<p><a href="/admin">Staff pages</a></p>{{/STAFF}}
</section>{{/SIGNED_IN}}
