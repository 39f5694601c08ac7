{{%AUTOESCAPE context="HTML"}}{{! The zone is stated once, before the banner: an announcement's times are the event's too. }}<h1>{{HEADING}}</h1>
<p class="when-where">{{DATES}} · {{VENUE}} · All times {{>ZONE}}</p>
{{>BANNER}}
{{! The filters fold away (open while a filter is set), and the feeds come last: on a phone the first screen is for sessions (issue 16). }}{{#FILTER_FORM}}<details class="filters"{{#FILTERED}} open{{/FILTERED}}>
<summary>Filter and search{{#FILTERED}} (filtered){{/FILTERED}}</summary>
<form class="filter" method="get" action="/schedule" role="search">
<label>Day <select name="day"><option value="">All days</option>{{#DAY_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/DAY_OPTION}}</select></label>
<label>Room <select name="room"><option value="">All rooms</option>{{#ROOM_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/ROOM_OPTION}}</select></label>
<label>Track <select name="track"><option value="">All tracks</option>{{#TRACK_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TRACK_OPTION}}</select></label>
<label>Search <input type="search" name="q" value="{{Q}}" maxlength="100"></label>
<button type="submit">Show</button>{{#FILTERED}} <a href="/schedule">Clear filters</a>{{/FILTERED}}
</form>
</details>{{/FILTER_FORM}}
{{#NO_MATCH}}<p class="no-match">No sessions match these filters.</p>{{/NO_MATCH}}
{{#GLANCE}}<section class="glance" aria-labelledby="glance-first">
{{#NOW}}<h2 id="glance-first">On now</h2>
{{#NOTHING_NOW}}<p class="glance-note">Nothing is on right now.</p>
{{/NOTHING_NOW}}{{>NOW_SLOT}}<h2>Next in each room</h2>
{{#NOTHING_NEXT}}<p class="glance-note">Nothing more to come in any room.</p>
{{/NOTHING_NEXT}}{{/NOW}}{{#FIRST}}<h2 id="glance-first">First sessions</h2>
{{#ENDED}}<p class="glance-note">The conference has ended. This is how it began.</p>
{{/ENDED}}{{/FIRST}}{{>NEXT_SLOT}}<p class="glance-more"><a href="/now">Every room, now and next</a></p>
</section>
{{/GLANCE}}{{#DAY_PAGES}}<nav class="days day-pages" aria-label="Days">
<ul>{{#DAY_PAGE}}<li><a href="/schedule?day={{DAY}}">{{LABEL}}</a> · <a href="/schedule?day={{DAY}}&amp;view=grid">grid<span class="visually-hidden"> of {{LABEL}}</span></a></li>{{/DAY_PAGE}}</ul>
</nav>
<p class="whole"><a href="/schedule?view=all">The whole programme</a>: all {{COUNT}} sessions on one page, kept for reading offline.</p>
{{/DAY_PAGES}}{{#DAY_ANCHORS}}<nav class="days" aria-label="Days">{{#DAY_LINK}}<a href="#{{DAY_ID}}">{{DAY_LABEL}}</a> {{/DAY_LINK}}</nav>
{{/DAY_ANCHORS}}{{#DAY}}<section class="day" id="{{DAY_ID}}">
<h2>{{DAY_LABEL}} <a class="view-switch" href="/schedule?day={{DAY}}&amp;view=grid">Grid<span class="visually-hidden"> of {{DAY_LABEL}}</span></a></h2>
{{>SLOT}}</section>
{{/DAY}}
<p class="feeds"><a href="/feeds">Subscribe in your calendar app</a> · <a href="/schedule.ics">iCalendar</a> · <a href="/schedule.json">JSON</a> · <a href="/schedule.xml">XML</a></p>
