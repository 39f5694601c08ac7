{{%AUTOESCAPE context="HTML"}}<h1>Changes to the programme</h1>
<p class="when-where">Newest first. All times {{>ZONE}}.</p>
{{#NONE}}<p>Nothing has changed since the programme was published.</p>{{/NONE}}
<ol class="changes-list">
{{#CHANGE}}<li class="change"{{#LINK}} data-change-of="{{ID}}"{{/LINK}} data-at="{{AT_UNIX}}">
<p class="meta"><time datetime="{{AT_ISO}}">{{AT}}</time>{{#KIND}} <span class="badge change-{{NAME}}">{{NAME}}</span>{{/KIND}}</p>
<h2>{{#LINK}}<a href="/session/{{ID}}">{{TITLE}}</a>{{/LINK}}{{#NO_LINK}}{{TITLE}}{{/NO_LINK}}</h2>
<p>{{WHEN}} · {{ROOM}}{{#WAS}} <span class="was">(was {{TEXT}})</span>{{/WAS}}</p>
</li>
{{/CHANGE}}</ol>
