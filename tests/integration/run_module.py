"""Runs one integration test module under unittest, as ctest's command for
it, and reports what was skipped so that scripts/test can count it.

  python3 run_module.py test_pages

Exit status: 0 when every test that ran passed, 1 when any failed, 77 (which
ctest counts as skipped, SKIP_RETURN_CODE) when every test was skipped.
Each skipped test is printed as "SKIPPED: <test id>: <reason>" and, when
CONFSCHED_SKIP_REPORT names a file, appended to it as a tab-separated line
<ctest name> <test id> <reason>, so a module that passed with some tests
skipped is not reported as if all of them had run (tests/summarize.py)."""

import os
import sys
import unittest


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: run_module.py MODULE\n")
        return 2
    module = sys.argv[1]
    suite = unittest.defaultTestLoader.loadTestsFromName(module)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    ctest_name = os.environ.get("CONFSCHED_CTEST_NAME", module)
    report = os.environ.get("CONFSCHED_SKIP_REPORT")
    for test, reason in result.skipped:
        one_line = " ".join(str(reason).split())
        print("SKIPPED: %s: %s" % (test.id(), one_line), flush=True)
        if report:
            with open(report, "a") as f:
                f.write("%s\t%s\t%s\n" % (ctest_name, test.id(), one_line))
    if not result.wasSuccessful():
        return 1
    if result.testsRun and len(result.skipped) == result.testsRun:
        return 77
    return 0


if __name__ == "__main__":
    sys.exit(main())
