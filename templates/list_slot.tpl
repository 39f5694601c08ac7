{{%AUTOESCAPE context="HTML"}}{{! A block of sessions in a list: those starting at one time. }}<div class="slot"{{#SLOT_ID}} id="{{ID}}"{{/SLOT_ID}}>
{{#AT}}<h3 class="time">{{BEFORE}}<time datetime="{{DATETIME}}">{{LABEL}}</time></h3>
{{/AT}}<ul class="sessions">
{{>SESSION}}</ul>
</div>
