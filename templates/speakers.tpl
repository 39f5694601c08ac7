{{%AUTOESCAPE context="HTML"}}<h1>Speakers</h1>
{{! The zone is stated although the list shows no time: a speaker's page does, and an offline copy of this page says when it was stored in the zone it finds here (offline.js). It comes before the banner, whose times are the event's too. }}<p class="when-where">Who speaks in what, by name. Each speaker's page gives the day, time and room of their sessions, in {{>ZONE}}.</p>
{{>BANNER}}
{{#NO_SPEAKERS}}<p class="nothing">No speakers are on the programme yet.</p>{{/NO_SPEAKERS}}
<nav class="letters" aria-label="Speakers by letter">{{#LETTER_LINK}}<a href="#{{ANCHOR}}">{{LETTER}}</a> {{/LETTER_LINK}}</nav>
{{! One element per speaker (the link to their page) and one per session, no wrapper per entry: a programme of 900 sessions and 1,000 speakers must stay far below 3,000 elements. style.css sets each speaker's link on a line of its own; the newline after it keeps the name apart from the rest without the stylesheet. }}{{#LETTER}}<h2 id="{{ANCHOR}}">{{LETTER}}</h2>
<div class="speaker-index">
{{#SPEAKER}}<a class="speaker" href="/speaker/{{ID}}">{{NAME}}</a>
{{#AFFILIATION}}{{TEXT}}: {{/AFFILIATION}}{{#SESSION}}<a href="/session/{{ID}}">{{TITLE}}</a>{{#SESSION_separator}} · {{/SESSION_separator}}{{/SESSION}}
{{/SPEAKER}}</div>
{{/LETTER}}
