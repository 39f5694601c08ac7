{{%AUTOESCAPE context="HTML"}}<p class="back"><a href="/admin">← Administration</a></p>
<h1>Room status</h1>
<p>For the people at the doors. One tap tells delegates, on <a href="/now">Now</a>, in the banner of every page and on the room’s screen, within seconds. A status ends by itself when the session it is about ends, or with “Clear”. The time here is {{CLOCK}}.</p>
{{#ROOM}}<section class="room-status" id="room-{{ID}}" aria-labelledby="room-{{ID}}-name">
<h2 id="room-{{ID}}-name">{{NAME}}</h2>
{{#NOW}}<p>Now: {{TITLE}} ({{WHEN}})</p>{{/NOW}}{{#NEXT}}<p>Next: {{TITLE}} ({{WHEN}})</p>{{/NEXT}}{{#NOTHING_ON}}<p>Nothing more on here today.</p>{{/NOTHING_ON}}
{{#STATUS}}<p class="status-shown status-{{KIND}}"><strong>{{TEXT}}</strong> until {{UNTIL}}</p>{{/STATUS}}
{{#DONE}}<p class="notice" role="status">Saved. Delegates see it within a few seconds.</p>{{/DONE}}
{{#ERROR}}<p class="error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
{{#TAPS}}<form method="post" action="/admin/rooms/status" class="taps">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="room_id" value="{{ID}}">
<button type="submit" name="status" value="full">Full</button>
<button type="submit" name="status" value="late">Starting late</button>
</form>
<form method="post" action="/admin/rooms/status" class="taps">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="room_id" value="{{ID}}">
<label for="moved-{{ID}}">Moved to</label>
<select id="moved-{{ID}}" name="moved_to">{{#MOVED_OPTION}}<option value="{{VALUE}}">{{NAME}}</option>{{/MOVED_OPTION}}</select>
<button type="submit" name="status" value="moved">Moved there</button>
</form>{{/TAPS}}
{{#CLEAR}}<form method="post" action="/admin/rooms/status" class="taps">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="room_id" value="{{ID}}">
<button type="submit" name="status" value="clear">Clear</button>
</form>{{/CLEAR}}
</section>
{{/ROOM}}
