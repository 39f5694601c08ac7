#!/usr/bin/env python3
"""Checks the layer graph of src/ three ways, without a compiler:

- the graph CMakeLists.txt declares (confsched_layer ... LAYERS ...) has no
  cycle and names every folder under src/;
- every #include "dir/file.h" in src/<layer>/ names its own layer or one
  the layer reaches through the graph (the build refuses the others too,
  through each layer's include path; this names the file and line);
- the README's layer table states the same graph;
- SQL is sent only from src/store/: no other layer calls a Database's
  query() or execute() (the store's functions are the data layer).

Exit 0 when all hold; 1 with one line per finding otherwise."""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
findings = []

cmake = open(os.path.join(root, "CMakeLists.txt")).read()
graph = {}
for name, args in re.findall(r"^confsched_layer\((\w+)([^)]*)\)", cmake, re.M):
    m = re.search(r"LAYERS\s+([\w\s]+?)(?:\s+LIBRARIES|$)", args.strip())
    graph[name] = m.group(1).split() if m else []

folders = sorted(d for d in os.listdir(os.path.join(root, "src")) if os.path.isdir(os.path.join(root, "src", d)))
for d in folders:
    if d not in graph:
        findings.append("src/%s/ is no layer in CMakeLists.txt" % d)
for name, below in graph.items():
    for b in below:
        if b not in graph:
            findings.append("layer %s links %s, which is no layer" % (name, b))


def reach(name, seen=None, path=()):
    """The layers name links, directly or not; reports a cycle."""
    seen = set() if seen is None else seen
    for b in graph.get(name, []):
        if b in path or b == name:
            findings.append("cycle: %s" % " -> ".join(path + (name, b)))
            continue
        if b not in seen:
            seen.add(b)
            reach(b, seen, path + (name,))
    return seen


reachable = {name: reach(name) for name in graph}

include = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/[^"]+"', re.M)
for d in folders:
    for f in sorted(os.listdir(os.path.join(root, "src", d))):
        if not f.endswith((".h", ".cc")):
            continue
        text = open(os.path.join(root, "src", d, f), errors="replace").read()
        for m in include.finditer(text):
            target = m.group(1)
            if target != d and target not in reachable.get(d, set()):
                line = text.count("\n", 0, m.start()) + 1
                findings.append("src/%s/%s:%d includes %s/, which layer %s does not link" % (d, f, line, target, d))

sql_call = re.compile(r"(?:\.|->)(?:query|execute)\(")
for d in folders:
    if d == "store":
        continue
    for f in sorted(os.listdir(os.path.join(root, "src", d))):
        if not f.endswith((".h", ".cc")):
            continue
        text = open(os.path.join(root, "src", d, f), errors="replace").read()
        for m in sql_call.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            findings.append("src/%s/%s:%d sends SQL outside src/store/" % (d, f, line))

readme = open(os.path.join(root, "README.md")).read()
table = re.search(r"^layer\s+links to\s+holds\n(.*?)^```", readme, re.M | re.S)
if not table:
    findings.append("README.md has no layer table (a line 'layer  links to  holds')")
else:
    stated = {}
    for line in table.group(1).splitlines():
        m = re.match(r"^(\w+)\s+((?:\w+,\s*)*\w+)?\s{2,}", line + "  ")
        if m and not line.startswith(" "):
            stated[m.group(1)] = sorted(x.strip() for x in (m.group(2) or "").split(",") if x.strip())
    for name in sorted(set(stated) | set(graph)):
        if stated.get(name) != sorted(graph.get(name, [])):
            findings.append("README says %s links %s; CMakeLists.txt says %s" % (
                name, stated.get(name), sorted(graph.get(name, []))))

for f in findings:
    print(f)
print("%d layers, %d findings" % (len(graph), len(findings)))
sys.exit(1 if findings else 0)
