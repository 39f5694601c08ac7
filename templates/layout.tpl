{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{PAGE_TITLE}}</title>
<link rel="stylesheet" href="{{STYLESHEET}}">
</head>
<body>
<header class="site">
<a class="home" href="/">{{SITE_NAME}}</a>
<nav>{{#SIGNED_IN_NAV}}<a href="/schedule">Schedule</a>
<form method="post" action="/logout" class="inline"><button type="submit">Log out</button></form>{{/SIGNED_IN_NAV}}</nav>
</header>
<main id="main">
{{>BODY}}
</main>
<footer class="site"><p>{{SITE_NAME}}</p></footer>
</body>
</html>
