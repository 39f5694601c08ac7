{{%AUTOESCAPE context="HTML"}}<section class="error-page">
{{#UNAVAILABLE}}<h1>Temporarily unavailable: nothing was saved</h1>
<p>The schedule database did not answer, so this form was not saved. Everything you typed is below, unchanged. Press “Send again” in a moment.</p>
{{/UNAVAILABLE}}{{#CONFLICT}}<h1>Someone else saved in between: nothing was saved</h1>
<p>Another save reached the schedule database at the same moment, so this form was not saved. Everything you typed is below, unchanged. Press “Send again” to save it now.</p>
{{/CONFLICT}}<form method="post" action="{{ACTION}}" class="edit">
{{#HIDDEN}}<input type="hidden" name="{{NAME}}" value="{{VALUE}}">
{{/HIDDEN}}{{#TYPED}}<label>{{NAME}}</label>
<textarea name="{{NAME}}" rows="{{ROWS}}">{{VALUE:pre_escape}}</textarea>
{{/TYPED}}<button type="submit">Send again</button>
</form>
<p><a href="{{ACTION}}">Or open the page again</a> (what you typed above would be lost).</p>
</section>
