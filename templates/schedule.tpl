{{%AUTOESCAPE context="HTML"}}{{>BANNER}}
<h1>Schedule</h1>
<p class="when-where">{{DATES}} · {{VENUE}} · times are {{TIME_ZONE}}</p>
<p class="feeds"><a href="/feeds">Subscribe in your calendar app</a> · <a href="/schedule.ics">iCalendar</a> · <a href="/schedule.json">JSON</a> · <a href="/schedule.xml">XML</a></p>
<nav class="days" aria-label="Days">{{#DAY_LINK}}<a href="#{{DAY_ID}}">{{DAY_LABEL}}</a> {{/DAY_LINK}}</nav>
{{#DAY}}<section class="day" id="{{DAY_ID}}">
<h2>{{DAY_LABEL}}</h2>
{{#SLOT}}<div class="slot">
<h3 class="time"><time>{{START}}</time></h3>
<ul class="sessions">
{{#SESSION}}<li class="session kind-{{KIND}} status-{{STATUS}}">
<p class="meta"><span class="time">{{START}}–{{END}}</span> · <span class="room">{{ROOM}}</span>{{#TRACK}} · <span class="track">{{NAME}}</span>{{/TRACK}}{{#STATUS_NOTE}} · <strong class="status">{{TEXT}}</strong>{{/STATUS_NOTE}}</p>
<h4><a href="/session/{{ID}}">{{TITLE}}</a></h4>
{{#SPEAKERS}}<p class="speakers">{{TEXT}}</p>{{/SPEAKERS}}
{{#ABSTRACT}}<p class="abstract">{{TEXT}}</p>{{/ABSTRACT}}
</li>
{{/SESSION}}</ul>
</div>
{{/SLOT}}</section>
{{/DAY}}
