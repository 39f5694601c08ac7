{{%AUTOESCAPE context="HTML"}}<h1>Calendar feeds</h1>
<h2>Subscribe in your calendar app</h2>
<p>Paste this address into your calendar app (“Subscribe to calendar”, “Add calendar from URL”). It stays up to date with every change to the programme.</p>
<p><input class="feed-url" type="text" readonly value="{{SUBSCRIBE_URL}}" aria-label="Subscription address"></p>
<p>Keep it to yourself: anyone with it can read the programme. It stops working when the delegate password changes; come back here for the new one.</p>
<h2>Downloads</h2>
<ul>
<li><a href="/schedule.ics">The whole programme as iCalendar (.ics)</a></li>
<li><a href="/schedule.json">Schedule JSON</a> (the format of frab, pretalx and c3voc)</li>
<li><a href="/schedule.xml">Schedule XML</a> (frab's schedule.xml)</li>
</ul>
<p>Each session’s page also has a link to add just that session to your calendar.</p>
<p><a href="/schedule">Back to the schedule</a></p>
