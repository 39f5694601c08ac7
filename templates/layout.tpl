{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}"{{#PAGES_VERSION}} data-pages-version="{{VALUE}}"{{/PAGES_VERSION}}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{#REFRESH}}<meta http-equiv="refresh" content="{{SECONDS}}">
{{/REFRESH}}{{#NO_REFERRER}}<meta name="referrer" content="no-referrer">
{{/NO_REFERRER}}<title>{{PAGE_TITLE}}</title>
<link rel="stylesheet" href="{{STYLESHEET}}">
{{#BRAND_STYLESHEET}}<link rel="stylesheet" href="{{URL}}">
{{/BRAND_STYLESHEET}}{{#AGENDA_SCRIPT}}<script src="{{URL}}" defer></script>
{{/AGENDA_SCRIPT}}{{#OFFLINE_SCRIPT}}<script src="{{URL}}" data-sw="{{WORKER}}" defer></script>
{{/OFFLINE_SCRIPT}}</head>
<body>
<header class="site">
<a class="home" href="/">{{#LOGO}}<img class="logo" src="{{URL}}" alt="{{SITE_NAME}}">{{/LOGO}}{{#SITE_NAME_TEXT}}{{SITE_NAME}}{{/SITE_NAME_TEXT}}</a>
<nav aria-label="Site">{{#SIGNED_IN_NAV}}<a href="/schedule">Schedule</a> <a href="/speakers">Speakers</a> <a href="/now">Now</a> <a href="/changes">Changes</a>{{#LIVE}}
<form method="post" action="/logout" class="inline"><button type="submit">Log out</button></form>{{/LIVE}}{{/SIGNED_IN_NAV}}</nav>
</header>
<main id="main">
{{>BODY}}
</main>
<footer class="site"><p>{{SITE_NAME}}</p></footer>
</body>
</html>
