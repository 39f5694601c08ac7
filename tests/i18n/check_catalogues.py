#!/usr/bin/env python3
"""The catalogues are current and complete (README "Language"):

  check_catalogues.py CONFSCHED_BINARY SOURCE_DIR

- po/confsched.pot holds exactly the messages the sources have now (the
  templates' text runs and the C++ code's tr()/tr_mark()), as po/update
  extracts them: text added without running po/update fails here;
- every po/<language>.po translates every one of them, with nothing fuzzy
  or obsolete, and msgfmt --check accepts it;
- each translation keeps the message's blanks: the same {name}s (fill_text)
  and {{VARIABLE}}s (templates) as often as the English.
Exit 0 when all hold; 1 with each problem printed."""

import collections
import os
import re
import subprocess
import sys
import tempfile


def unquote(s):
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s.strip()[1:-1])


def entries(path):
    """[(msgid, msgstr, flags, obsolete)] of a .po/.pot file, header left out."""
    out, cur, key, flags, obsolete = [], None, None, set(), False

    def flush():
        if cur is not None and cur["msgid"]:
            out.append((cur["msgid"], cur.get("msgstr", ""), frozenset(flags), obsolete))

    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            is_obsolete = line.startswith("#~ ")
            if is_obsolete:
                line = line[3:]
            if line.startswith("#,"):
                flush()
                cur, key = None, None
                flags = {x.strip() for x in line[2:].split(",")}
                obsolete = False
            elif line.startswith("msgid "):
                if cur is not None and "msgstr" in cur:
                    flush()
                    flags = set()
                cur, key, obsolete = {"msgid": unquote(line[6:])}, "msgid", is_obsolete
            elif line.startswith("msgstr ") or line.startswith("msgstr[0] "):
                cur["msgstr"], key = unquote(line.split(" ", 1)[1]), "msgstr"
            elif line.startswith('"') and cur is not None and key:
                cur[key] = cur.get(key, "") + unquote(line)
            elif not line.strip():
                flush()
                cur, key, flags, obsolete = None, None, set(), False
    flush()
    return out


def blanks(text):
    return collections.Counter(re.findall(r"\{\{[^}]*\}\}|\{[a-z_]+\}", text))


def main():
    binary, source = sys.argv[1], sys.argv[2]
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = os.path.join(tmp, "fresh.pot")
        subprocess.run([os.path.join(source, "po", "update"), binary, "--pot-only", fresh], check=True)
        now = {e[0] for e in entries(fresh)}
    shipped = {e[0] for e in entries(os.path.join(source, "po", "confsched.pot"))}
    for msgid in sorted(now - shipped):
        problems.append("po/confsched.pot lacks %r (run po/update)" % msgid)
    for msgid in sorted(shipped - now):
        problems.append("po/confsched.pot holds %r, which no source has now (run po/update)" % msgid)
    languages = sorted(f[:-3] for f in os.listdir(os.path.join(source, "po")) if f.endswith(".po"))
    if not languages:
        problems.append("no po/<language>.po at all")
    for language in languages:
        path = os.path.join(source, "po", language + ".po")
        r = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, path],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if r.returncode != 0:
            problems.append("msgfmt --check refuses po/%s.po:\n%s" % (language, r.stdout))
        translated = {}
        for msgid, msgstr, flags, obsolete in entries(path):
            if obsolete:
                problems.append("po/%s.po: obsolete entry %r (msgattrib --no-obsolete)" % (language, msgid))
                continue
            if "fuzzy" in flags:
                problems.append("po/%s.po: %r is fuzzy" % (language, msgid))
            if not msgstr:
                problems.append("po/%s.po: %r is not translated" % (language, msgid))
            elif blanks(msgid) != blanks(msgstr):
                problems.append("po/%s.po: %r keeps other blanks: %r" % (language, msgid, msgstr))
            translated[msgid] = msgstr
        for msgid in sorted(now - set(translated)):
            problems.append("po/%s.po lacks %r (run po/update, then translate it)" % (language, msgid))
        print("po/%s.po: %d of %d messages translated" % (
            language, sum(1 for m in now if translated.get(m)), len(now)))
    for p in problems:
        print("PROBLEM: " + p)
    print("%d messages, %d languages, %d problems" % (len(now), len(languages), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
