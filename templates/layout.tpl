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
{{/BRAND_STYLESHEET}}{{#AGENDA_SCRIPT}}<script src="{{URL}}" defer data-text-star="Star “{title}”" data-text-my-sessions="My sessions" data-text-no-stars="No starred sessions here yet: use ☆ to star one." data-text-share="Share my stars" data-text-now="Now" data-text-jump-now="Jump to now" data-text-mine-changed-one="1 of your sessions changed since you last looked:" data-text-mine-changed="{count} of your sessions changed since you last looked:" data-text-feed-empty="You have not starred any session in this browser yet: the calendar would be empty." data-text-feed-one="1 starred session." data-text-feed-many="{count} starred sessions." data-text-stars-added="Added {added} ({total} starred in this browser now)."></script>
{{/AGENDA_SCRIPT}}{{#OFFLINE_SCRIPT}}<script src="{{URL}}" data-sw="{{WORKER}}" defer data-text-offline="Offline — last updated {time} ({zone})" data-text-changed="The programme changed since this page was loaded." data-text-reload="Reload"></script>
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
