{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← All sessions</a></p>
<h1>Your name</h1>
<p class="error" role="alert">Your name was not changed: please correct it below.</p>
{{>NAME_FORM}}
