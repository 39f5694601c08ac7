{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Administration</a></p>
<h1>Room screens</h1>
{{#NOTICE}}<p class="notice" role="status">{{MESSAGE}}</p>{{/NOTICE}}
<p>A screen outside a room opens its room's link and shows the session running there and the next one, with no login. The link opens that room's screen only. “New link” replaces it: the old link stops working at once, so do it when a link got around. “Turn off” leaves the room with no working link.</p>
{{#NO_ROOMS}}<p>There are no rooms yet: add them on <a href="/admin/rooms">Rooms</a>.</p>{{/NO_ROOMS}}
<ul class="items">
{{#ROOM}}<li id="room-{{ID}}">
<form method="post" action="/admin/displays" class="item-row">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="room" value="{{ID}}">
<strong>{{NAME}}</strong>
{{#OFF}}<span class="usage">Screen off: no link opens it.</span>
<button type="submit" name="action" value="link">Turn on</button>{{/OFF}}
{{#ON}}<a class="display-link" href="{{PATH}}">{{URL}}</a>
<button type="submit" name="action" value="link">New link</button>
<button type="submit" name="action" value="off" class="secondary">Turn off</button>{{/ON}}
</form>
</li>
{{/ROOM}}</ul>
