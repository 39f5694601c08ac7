{{%AUTOESCAPE context="HTML"}}{{#ANNOUNCEMENTS}}<section class="announcements" aria-label="Announcements">
{{>LIST}}</section>{{/ANNOUNCEMENTS}}
