{{%AUTOESCAPE context="HTML"}}<section class="error-page">
<h1>{{HEADING}}</h1>
<p>{{MESSAGE}}</p>
<p><a href="/">Back to the start page</a></p>
</section>
