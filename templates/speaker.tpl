{{%AUTOESCAPE context="HTML"}}{{>BANNER}}
<article class="speaker-detail">
<p class="back"><a href="/speakers">← Speakers</a></p>
<h1>{{NAME}}</h1>
{{#AFFILIATION}}<p class="affiliation">{{TEXT}}</p>{{/AFFILIATION}}
{{#BIO}}<div class="bio">{{! HTML is cmark's safe-mode output (site/markdown.h), as for a session's abstract: raw HTML and unsafe links already removed, text already escaped. Escaping it again would show the markup. }}{{HTML:none}}</div>{{/BIO}}
<h2>Sessions</h2>
<p class="when-where">All times {{>ZONE}}</p>
<ul class="speaker-sessions">
{{#SESSION}}<li class="session kind-{{KIND}} status-{{STATUS}}" data-session-id="{{ID}}">
<h3><a href="/session/{{ID}}">{{TITLE}}</a></h3>
<p class="meta">{{DAY_LABEL}}, <span class="time">{{START}}–{{END}}</span> · <span class="room">{{ROOM}}</span>{{#STATUS_NOTE}} · <strong class="status">{{TEXT}}</strong>{{/STATUS_NOTE}}</p>
</li>
{{/SESSION}}</ul>
</article>
