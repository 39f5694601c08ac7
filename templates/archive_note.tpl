{{%AUTOESCAPE context="HTML"}}<h1>Not in this archive</h1>
<p>This is a copy of {{SITE_NAME}}’s programme as it stood when the archive was made. The page you followed belonged to the live site and is not kept here: what was on at the time, the login, calendar subscriptions by personal link, starred sessions shared between devices and the staff pages.</p>
<p><a href="/schedule">The schedule</a> · <a href="/speakers">Speakers</a> · <a href="/changes">Changes</a> · <a href="/schedule.ics">iCalendar</a> · <a href="/schedule.json">JSON</a> · <a href="/schedule.xml">XML</a></p>
