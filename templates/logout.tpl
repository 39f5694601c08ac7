{{%AUTOESCAPE context="HTML"}}<section class="login-box">
<h1>Log out</h1>
<p>Log out of the schedule in this browser. The pages it keeps for reading offline are deleted too.</p>
<form method="post" action="/logout"><button type="submit">Log out</button></form>
</section>
