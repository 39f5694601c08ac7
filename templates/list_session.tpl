{{%AUTOESCAPE context="HTML"}}<li class="session kind-{{KIND}} status-{{STATUS}}" data-session-id="{{ID}}" data-rev="{{REV}}"{{#INSTANTS}} data-start="{{START}}" data-end="{{END}}"{{/INSTANTS}}>
<p class="meta"><span class="time">{{START}}–{{END}}</span> · <span class="room">{{ROOM}}</span>{{#TRACK}} · <span class="track">{{>STRIPE}}{{NAME}}</span>{{/TRACK}}{{#STATUS_NOTE}} · <strong class="status">{{TEXT}}</strong>{{/STATUS_NOTE}}{{#CHANGED}} · <a class="badge" href="/changes">changed</a>{{/CHANGED}}</p>
<h4><a href="/session/{{ID}}">{{TITLE}}</a></h4>
{{#SPEAKERS}}<p class="speakers">{{#SPEAKER}}<a href="/speaker/{{ID}}">{{NAME}}</a>{{#SPEAKER_separator}}, {{/SPEAKER_separator}}{{/SPEAKER}}</p>{{/SPEAKERS}}
{{#ABSTRACT}}<p class="abstract">{{TEXT}}</p>{{/ABSTRACT}}
</li>
