{{%AUTOESCAPE context="HTML"}}<section class="display">
<h1>{{ROOM}}</h1>
{{#WHEREABOUTS}}<p class="display-where">{{TEXT}}</p>
{{/WHEREABOUTS}}<p class="display-clock"><time>{{NOW_CLOCK}}</time> · {{>ZONE}}</p>
{{#ROOM_NOTES}}<div class="announcements display-announcements">
{{>LIST}}</div>
{{/ROOM_NOTES}}<h2>Now</h2>
{{#CURRENT}}<div class="display-session status-{{STATUS}}"><p class="display-title">{{TITLE}}</p><p class="time">{{WHEN}}{{#STATUS_NOTE}} <strong class="status">{{TEXT}}</strong>{{/STATUS_NOTE}}</p>{{#SPEAKERS}}<p class="speakers">{{TEXT}}</p>{{/SPEAKERS}}</div>{{/CURRENT}}{{#NO_CURRENT}}<p class="nothing">Nothing in this room now</p>{{/NO_CURRENT}}
<h2>Next</h2>
{{#NEXT}}<div class="display-session status-{{STATUS}}"><p class="display-title">{{TITLE}}</p><p class="time">{{WHEN}}{{#STATUS_NOTE}} <strong class="status">{{TEXT}}</strong>{{/STATUS_NOTE}}</p>{{#SPEAKERS}}<p class="speakers">{{TEXT}}</p>{{/SPEAKERS}}</div>{{/NEXT}}{{#NO_NEXT}}<p class="nothing">Nothing more in this room</p>{{/NO_NEXT}}
</section>
