{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Administration</a></p>
<h1>Day overview</h1>
<nav class="days grid-days" aria-label="Days">{{#DAY_LINK}}<a href="/admin/day?day={{DAY}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a> {{/DAY_LINK}}</nav>
<h2>{{DAY_LABEL}}</h2>
<p class="when-where">Session times: {{>ZONE}}</p>
{{#CLASHES}}<p class="conflict" role="status">{{COUNT}} {{NOUN}} of a room or a speaker this day: each is marked “Clash” below, on both sessions.</p>
{{/CLASHES}}{{#NO_CLASHES}}<p>No room or speaker clashes this day.</p>
{{/NO_CLASHES}}<div class="overview-wrap" tabindex="0" role="region" aria-label="Rooms and times of {{DAY_LABEL}}">
<table class="overview">
<thead><tr><th scope="col">Time</th>{{#ROOM}}<th scope="col">{{NAME}}</th>{{/ROOM}}</tr></thead>
<tbody>
{{#ROW}}<tr><th scope="row">{{TIME}}</th>
{{#CELL}}<td{{#SPAN}} rowspan="{{ROWS}}"{{/SPAN}} class="{{KIND}}">
{{#GAP}}<span class="free">Free from {{STARTS}}{{#UNTIL}} to {{ENDS}}{{/UNTIL}}</span>
{{#ADD}}<a class="add" href="/admin/session/new?day={{DAY}}&amp;start={{START}}&amp;end={{END}}&amp;room_id={{ROOM_ID}}">add a session here<span class="visually-hidden"> ({{ROOM}}, {{START}})</span></a>
{{/ADD}}{{/GAP}}{{#ENTRY}}<div class="entry"><a href="/admin/session/{{ID}}">{{TITLE}}</a> <span class="when">{{START}}–{{END}}{{#CONTINUED}}, continued{{/CONTINUED}}</span>
{{#CLASH}}<strong class="clash-label">Clash</strong>
<ul class="clashes">{{#CLASH_ITEM}}<li>{{TEXT}}</li>{{/CLASH_ITEM}}</ul>
{{/CLASH}}</div>
{{/ENTRY}}</td>
{{/CELL}}</tr>
{{/ROW}}</tbody>
</table>
</div>
{{#CANCELLED}}<h2>Cancelled this day</h2>
<p>A cancelled session holds no room and no speaker: its slot shows as free above.</p>
<ul>{{#ITEM}}<li><a href="/admin/session/{{ID}}">{{TITLE}}</a> ({{ROOM}}, {{START}}–{{END}})</li>{{/ITEM}}</ul>
{{/CANCELLED}}
