{{%AUTOESCAPE context="HTML"}}{{! :pre_escape escapes exactly like the default :h but keeps line breaks, which :h turns into spaces. }}{{#ANNOUNCEMENTS}}<section class="announcements" aria-label="Announcements">
{{#ANNOUNCEMENT}}<div class="announcement {{CLASS}}">{{#IMPORTANT}}<p class="announcement-label">Important</p>{{/IMPORTANT}}<p class="announcement-text">{{TEXT:pre_escape}}</p></div>
{{/ANNOUNCEMENT}}</section>{{/ANNOUNCEMENTS}}
