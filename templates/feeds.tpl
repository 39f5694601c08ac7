{{%AUTOESCAPE context="HTML"}}<h1>Calendar feeds</h1>
<h2>Subscribe in your calendar app</h2>
<p>Paste this address into your calendar app (“Subscribe to calendar”, “Add calendar from URL”). It stays up to date with every change to the programme.</p>
<p><input class="feed-url" type="text" readonly value="{{SUBSCRIBE_URL}}" aria-label="Subscription address"></p>
<p>Keep it to yourself: anyone with it can read the programme. It stops working when the delegate password changes; come back here for the new one.</p>
<h2 id="mine">Just my starred sessions</h2>
<p class="my-feed-needs-script">Star sessions on the schedule (☆), and with JavaScript on this page then gives you a calendar of just those, with a reminder if you like.</p>
<div class="my-feed" data-my-feed="{{MINE_URL}}" hidden>
<p class="my-feed-count"></p>
<p><label>Reminder <select class="my-feed-alarm"><option value="0">none</option><option value="5">5 minutes before</option><option value="10" selected>10 minutes before</option><option value="15">15 minutes before</option><option value="30">30 minutes before</option><option value="60">1 hour before</option></select></label></p>
<p><input class="feed-url my-feed-url" type="text" readonly value="" aria-label="Address of my starred sessions"></p>
<p><a class="button my-feed-webcal" href="#mine">Subscribe in my calendar app</a></p>
<p>It holds the sessions starred in this browser when you took it: star more, then come back for a new one. A session that moves moves in your calendar too; a cancelled one is marked cancelled. Like the address above, it stops working when the delegate password changes.</p>
</div>
<h2>Downloads</h2>
<ul>
<li><a href="/schedule.ics">The whole programme as iCalendar (.ics)</a></li>
<li><a href="/schedule.json">Schedule JSON</a> (the format of frab, pretalx and c3voc)</li>
<li><a href="/schedule.xml">Schedule XML</a> (frab's schedule.xml)</li>
</ul>
<p>Each session’s page also has a link to add just that session to your calendar.</p>
<p><a href="/schedule">Back to the schedule</a></p>
