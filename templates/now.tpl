{{%AUTOESCAPE context="HTML"}}<h1>Now and next</h1>
<p class="when-where">All times {{>ZONE}}. {{NOW_DAY}}, <time>{{NOW_CLOCK}}</time> by the server's clock.</p>
<ul class="rooms-now">
{{#ROOM}}<li class="room-now">
<h2>{{NAME}}</h2>
{{#WHEREABOUTS}}<p class="room-where">{{TEXT}}</p>
{{/WHEREABOUTS}}{{#ROOM_NOTES}}<div class="announcements room-announcements">
{{>LIST}}</div>
{{/ROOM_NOTES}}<dl class="now-next">
<dt>Now</dt>{{#CURRENT}}<dd class="status-{{STATUS}}"><a href="/session/{{ID}}">{{TITLE}}</a> <span class="time">{{WHEN}}</span>{{#STATUS_NOTE}} <strong class="status">{{TEXT}}</strong>{{/STATUS_NOTE}}{{#SPEAKERS}}<br><span class="speakers">{{#SPEAKER}}<a href="/speaker/{{ID}}">{{NAME}}</a>{{#SPEAKER_separator}}, {{/SPEAKER_separator}}{{/SPEAKER}}</span>{{/SPEAKERS}}</dd>{{/CURRENT}}{{#NO_CURRENT}}<dd class="nothing">Nothing</dd>{{/NO_CURRENT}}
<dt>Next</dt>{{#NEXT}}<dd class="status-{{STATUS}}"><a href="/session/{{ID}}">{{TITLE}}</a> <span class="time">{{WHEN}}</span>{{#STATUS_NOTE}} <strong class="status">{{TEXT}}</strong>{{/STATUS_NOTE}}{{#SPEAKERS}}<br><span class="speakers">{{#SPEAKER}}<a href="/speaker/{{ID}}">{{NAME}}</a>{{#SPEAKER_separator}}, {{/SPEAKER_separator}}{{/SPEAKER}}</span>{{/SPEAKERS}}</dd>{{/NEXT}}{{#NO_NEXT}}<dd class="nothing">Nothing more</dd>{{/NO_NEXT}}
</dl>
{{#STREAM}}<p class="stream"><a href="{{URL}}" rel="noopener">Watch the stream</a></p>
{{/STREAM}}</li>
{{/ROOM}}</ul>
