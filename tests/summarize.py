"""Counts one ctest run for scripts/test: passed, failed and skipped, and
names every skip with its reason. ctest's own summary ("N% tests passed")
counts a test that exited with its SKIP_RETURN_CODE as passed; this reads
ctest's JUnit report instead, where such a test is "notrun", and the skip
report that tests/integration/run_module.py writes for single tests skipped
inside a module that otherwise ran.

  python3 tests/summarize.py STAGE JUNIT_XML [SKIP_REPORT]

Counts ctest's tests (a test module, a fuzz target, one Boost.Test suite),
and apart from them the single test cases skipped inside a module that ran.
Prints the stage's lines and, last, "TALLY <passed> <failed> <skipped>
<skipped cases>" for scripts/test to add up. Only the Python standard library."""

import os
import sys
import xml.etree.ElementTree as ET


def skip_reason(case):
    """The line the test printed to say why it skipped, else ctest's note."""
    out = (case.findtext("system-out") or "").splitlines()
    said = [line.strip() for line in out if line.strip().startswith("SKIPPED:")]
    if said:
        return said[-1][len("SKIPPED:"):].strip()
    lines = [line.strip() for line in out if line.strip()]
    if lines:
        return lines[-1]
    skipped = case.find("skipped")
    return skipped.get("message", "") if skipped is not None else ""


def output_tail(case, lines=15):
    """The last lines a failed test printed: the summary is often all of a
    CI run's output that is kept, and a bare name does not say why."""
    out = [line.rstrip() for line in (case.findtext("system-out") or "").splitlines()]
    return [line for line in out if line.strip()][-lines:]


def main():
    stage, junit = sys.argv[1], sys.argv[2]
    report = sys.argv[3] if len(sys.argv) > 3 else None
    passed, failed, skipped, failures, skips, whole = 0, 0, 0, [], [], set()
    if os.path.exists(junit):
        for case in ET.parse(junit).getroot().iter("testcase"):
            status = case.get("status")
            name = case.get("name")
            if status == "run":
                passed += 1
            elif status == "notrun" or case.find("skipped") is not None:
                skipped += 1
                whole.add(name)
                skips.append("%s (whole test): %s" % (name, skip_reason(case)))
            else:
                failed += 1
                failures.append((name, output_tail(case)))
    else:
        print("%s: no JUnit report at %s (did ctest run?)" % (stage, junit))
        failed += 1
    inner = []
    if report and os.path.exists(report):
        with open(report) as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                # A test skipped as a whole is counted once, above.
                if len(parts) == 3 and parts[0] not in whole:
                    inner.append("%s: %s: %s" % tuple(parts))
    line = "%s: %d passed, %d failed, %d skipped" % (stage, passed, failed, skipped)
    if inner:
        line += "; %d single test cases skipped inside tests that ran" % len(inner)
    print(line)
    for name, tail in failures:
        print("  failed: %s" % name)
        for out in tail:
            print("    | %s" % out)
    for s in skips:
        print("  skipped: %s" % s)
    for s in inner:
        print("  skipped case: %s" % s)
    print("TALLY %d %d %d %d" % (passed, failed, skipped, len(inner)))


if __name__ == "__main__":
    main()
