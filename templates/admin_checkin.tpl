{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Administration</a></p>
<h1>Speaker check-in</h1>
<p class="when-where">{{DAY_LABEL}}, {{NOW}} at the venue. Speakers by their next session; those on stage within {{DUE_MINUTES}} minutes who have not arrived are marked.</p>
{{#NOTICE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/NOTICE}}
{{#NOBODY}}<p class="nothing">No speaker has a session today.</p>{{/NOBODY}}
<ol class="checkin">
{{#SPEAKER}}<li id="speaker-{{ID}}" class="checkin-row{{#DUE}} due{{/DUE}}">
<h2>{{NAME}}</h2>
{{#DUE}}<p class="due-label"><strong>{{DUE_TEXT}}</strong></p>{{/DUE}}
{{#ON_NOW}}<p>On now: {{SLOT}}</p>{{/ON_NOW}}
{{#NEXT}}<p>Next: {{SLOT}}</p>{{/NEXT}}
{{#DONE}}<p class="nothing">Done for today.</p>{{/DONE}}
{{#ARRIVED}}<p class="arrived">Arrived at {{AT}}, marked by {{BY}}</p>{{/ARRIVED}}
<form method="post" action="/admin/checkin" class="checkin-toggle">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="speaker_id" value="{{ID}}">
{{#NOT_ARRIVED}}<button type="submit" name="arrived" value="1">Mark arrived</button>{{/NOT_ARRIVED}}
{{#ARRIVED}}<button type="submit" name="arrived" value="0">Undo arrival</button>{{/ARRIVED}}
</form>
<details><summary>Sessions today</summary><ul>{{#SESSION}}<li>{{SLOT}}</li>{{/SESSION}}</ul></details>
</li>
{{/SPEAKER}}</ol>
