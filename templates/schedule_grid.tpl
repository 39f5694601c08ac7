{{%AUTOESCAPE context="HTML"}}{{>BANNER}}
<h1>Schedule</h1>
<p class="when-where">{{DATES}} · {{VENUE}} · All times {{>ZONE}}</p>
<nav class="days grid-days" aria-label="Days">{{#DAY_LINK}}<a href="/schedule?day={{DAY}}&amp;view=grid"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a> {{/DAY_LINK}}</nav>
<h2 class="grid-day">{{DAY_LABEL}} <a class="view-switch" href="/schedule?day={{DAY}}">List of this day</a></h2>
{{#LEGEND}}<ul class="legend" aria-label="Tracks">{{#TRACK}}<li>{{>STRIPE}}{{NAME}}</li>{{/TRACK}}</ul>
{{/LEGEND}}<div class="grid-wrap" tabindex="0" role="region" aria-label="Sessions of {{DAY_LABEL}} by room and time">
<div class="grid hr{{HOURS}} wt{{WIDTH_TENS}} wu{{WIDTH_UNITS}}">
<div class="gtimes" aria-hidden="true"><span class="gcorner"></span>{{#HOUR}}<span class="gl sh{{AT}}">{{LABEL}}</span>{{/HOUR}}</div>
{{#HOUR_LINE}}<span class="gline sh{{AT}}"></span>{{/HOUR_LINE}}
{{#COLUMN}}<div class="gc ct{{TENS}} cu{{UNITS}}{{#LANES}} k{{N}}{{/LANES}}">
<h3 class="gh">{{#ROOM}}<a href="/schedule?room={{ID}}">{{NAME}}</a>{{/ROOM}}{{#NO_ROOM}}No room{{/NO_ROOM}}</h3>
{{#CELL}}{{>SESSION}}{{/CELL}}</div>
{{/COLUMN}}{{#BAND}}{{>SESSION}}{{/BAND}}</div>
</div>
