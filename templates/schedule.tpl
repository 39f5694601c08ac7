{{%AUTOESCAPE context="HTML"}}{{! The zone is stated once, before the banner: an announcement's times are the event's too. }}<h1>Schedule</h1>
<p class="when-where">{{DATES}} · {{VENUE}} · All times {{>ZONE}}</p>
{{>BANNER}}
{{! The filters fold away (open while a filter is set), and the feeds come last: on a phone the first screen is for sessions (issue 16). }}<details class="filters"{{#FILTERED}} open{{/FILTERED}}>
<summary>Filter and search{{#FILTERED}} (filtered){{/FILTERED}}</summary>
<form class="filter" method="get" action="/schedule" role="search">
<label>Day <select name="day"><option value="">All days</option>{{#DAY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DAY_OPTION}}</select></label>
<label>Room <select name="room"><option value="">All rooms</option>{{#ROOM_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROOM_OPTION}}</select></label>
<label>Track <select name="track"><option value="">All tracks</option>{{#TRACK_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TRACK_OPTION}}</select></label>
<label>Search <input type="search" name="q" value="{{Q}}" maxlength="100"></label>
<button type="submit">Show</button>{{#FILTERED}} <a href="/schedule">Clear filters</a>{{/FILTERED}}
</form>
</details>
{{#NO_MATCH}}<p class="no-match">No sessions match these filters.</p>{{/NO_MATCH}}
<nav class="days" aria-label="Days">{{#DAY_LINK}}<a href="#{{DAY_ID}}">{{DAY_LABEL}}</a> {{/DAY_LINK}}</nav>
{{#DAY}}<section class="day" id="{{DAY_ID}}">
<h2>{{DAY_LABEL}} <a class="view-switch" href="/schedule?day={{DAY}}&amp;view=grid">Grid<span class="visually-hidden"> of {{DAY_LABEL}}</span></a></h2>
{{#SLOT}}<div class="slot"{{#SLOT_ID}} id="{{ID}}"{{/SLOT_ID}}>
<h3 class="time"><time>{{START}}</time></h3>
<ul class="sessions">
{{#SESSION}}<li class="session kind-{{KIND}} status-{{STATUS}}" data-session-id="{{ID}}" data-rev="{{REV}}"{{#INSTANTS}} data-start="{{START}}" data-end="{{END}}"{{/INSTANTS}}>
<p class="meta"><span class="time">{{START}}–{{END}}</span> · <span class="room">{{ROOM}}</span>{{#TRACK}} · <span class="track">{{>STRIPE}}{{NAME}}</span>{{/TRACK}}{{#STATUS_NOTE}} · <strong class="status">{{TEXT}}</strong>{{/STATUS_NOTE}}{{#CHANGED}} · <a class="badge" href="/changes">changed</a>{{/CHANGED}}</p>
<h4><a href="/session/{{ID}}">{{TITLE}}</a></h4>
{{#SPEAKERS}}<p class="speakers">{{#SPEAKER}}<a href="/speaker/{{ID}}">{{NAME}}</a>{{#SPEAKER_separator}}, {{/SPEAKER_separator}}{{/SPEAKER}}</p>{{/SPEAKERS}}
{{#ABSTRACT}}<p class="abstract">{{TEXT}}</p>{{/ABSTRACT}}
</li>
{{/SESSION}}</ul>
</div>
{{/SLOT}}</section>
{{/DAY}}
<p class="feeds"><a href="/feeds">Subscribe in your calendar app</a> · <a href="/schedule.ics">iCalendar</a> · <a href="/schedule.json">JSON</a> · <a href="/schedule.xml">XML</a></p>
