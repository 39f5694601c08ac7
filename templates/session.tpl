{{%AUTOESCAPE context="HTML"}}{{! The zone is stated once, before the first time and the banner: an announcement's times are the event's too. }}<article class="session-detail kind-{{KIND}} status-{{STATUS}}" data-session-id="{{ID}}" data-rev="{{REV}}">
<p class="back"><a href="/schedule#{{DAY_ID}}">← Schedule</a></p>
<h1>{{TITLE}}</h1>
{{#STATUS_NOTE}}<p class="status-banner"><strong>{{TEXT}}</strong></p>{{/STATUS_NOTE}}
<p class="when-where">All times {{>ZONE}}</p>
<dl class="facts">
<dt>When</dt><dd>{{DAY_LABEL}}, <time>{{START}}</time>–<time>{{END}}</time></dd>
<dt>Where</dt><dd>{{ROOM}}{{#WHEREABOUTS}}<br><span class="room-where">{{TEXT}}</span>{{/WHEREABOUTS}}{{#ROOM_MAP}}<br><a href="{{URL}}" rel="noopener">Map of the venue</a>{{/ROOM_MAP}}</dd>
{{#TRACK}}<dt>Track</dt><dd>{{NAME}}</dd>{{/TRACK}}
<dt>Format</dt><dd>{{KIND_LABEL}}</dd>
</dl>
{{>BANNER}}
<p class="add-to-calendar"><a href="/session/{{ID}}.ics">Add to my calendar (.ics)</a></p>
<div class="abstract-full">{{! ABSTRACT_HTML is cmark's safe-mode output (site/markdown.h): raw HTML and unsafe links already removed, text already escaped. Escaping it again would show the markup. }}{{ABSTRACT_HTML:none}}</div>
{{#HAS_SPEAKERS}}<section class="speakers">
<h2>Speakers</h2>
{{#SPEAKER}}<div class="speaker">
<h3><a href="/speaker/{{ID}}">{{NAME}}</a></h3>
{{#AFFILIATION}}<p class="affiliation">{{TEXT}}</p>{{/AFFILIATION}}
{{#BIO}}<p class="bio">{{TEXT}}</p>{{/BIO}}
</div>
{{/SPEAKER}}</section>{{/HAS_SPEAKERS}}
{{#HAS_MATERIALS}}<section class="materials">
<h2>Materials</h2>
<ul>{{#MATERIAL}}<li><a href="{{URL}}" rel="noopener">{{LABEL}}</a></li>{{/MATERIAL}}</ul>
</section>{{/HAS_MATERIALS}}
</article>
