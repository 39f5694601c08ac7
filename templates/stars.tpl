{{%AUTOESCAPE context="HTML"}}<h1>Share my stars</h1>
{{#NONE}}<p>This link names no session of the programme (any more). Star sessions on <a href="/schedule">the schedule</a>, then use “Share my stars” there.</p>{{/NONE}}
{{#SOME}}<section class="stars-share" data-stars="{{IDS}}">
<p>{{COUNT}}:</p>
<ul class="stars-list">
{{#SESSION}}<li><a href="/session/{{ID}}">{{TITLE}}</a> · {{WHEN}}</li>
{{/SESSION}}</ul>
<h2>On another device</h2>
<p>Scan this code with the other phone or tablet, or open the link there. After logging in it shows this page, where “Add to my stars” adds them to the stars of that browser.</p>
<p><img class="stars-qr" src="{{QR_URL}}" width="240" height="240" alt="QR code of the link below"></p>
<p><input class="feed-url" type="text" readonly value="{{SHARE_URL}}" aria-label="Link to these starred sessions"></p>
<h2>In this browser</h2>
<p class="stars-add-needs-script">Adding them to this browser's stars needs JavaScript.</p>
<p class="stars-add" hidden><button type="button" class="stars-add-button">Add to my stars</button> <span class="stars-added" role="status"></span></p>
<p>Nothing is stored on the server: the link itself holds the list.</p>
</section>{{/SOME}}
<p><a href="/schedule">Back to the schedule</a></p>
