{{%AUTOESCAPE context="HTML"}}{{! The zone is stated once, before the banner and the first time: an announcement's times are the event's too. }}<article class="speaker-detail">
<p class="back"><a href="/speakers">← Speakers</a></p>
<h1>{{NAME}}</h1>
{{#AFFILIATION}}<p class="affiliation">{{TEXT}}</p>{{/AFFILIATION}}
<p class="when-where">All times {{>ZONE}}</p>
{{>BANNER}}
{{#BIO}}<div class="bio">{{! HTML is cmark's safe-mode output (site/markdown.h), as for a session's abstract: raw HTML and unsafe links already removed, text already escaped. Escaping it again would show the markup. }}{{HTML:none}}</div>{{/BIO}}
<h2>Sessions</h2>
<ul class="speaker-sessions">
{{#SESSION}}<li class="session kind-{{KIND}} status-{{STATUS}}" data-session-id="{{ID}}" data-rev="{{REV}}">
<h3><a href="/session/{{ID}}">{{TITLE}}</a></h3>
<p class="meta">{{DAY_LABEL}}, <span class="time">{{START}}–{{END}}</span> · <span class="room">{{ROOM}}</span>{{#STATUS_NOTE}} · <strong class="status">{{TEXT}}</strong>{{/STATUS_NOTE}}</p>
</li>
{{/SESSION}}</ul>
</article>
