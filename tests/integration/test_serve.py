"""`confsched serve` as a process tree: SIGHUP rolls the workers without a
failed request, a killed worker is replaced, SIGTERM ends everything."""

import os
import sys
import signal
import threading
import time
import unittest

import stack as stackmod
from stack import pid_alive
from support import StackTestCase, poll

S = None


def setUpModule():
    global S
    S = stackmod.Stack("serve", workers=2).start()
    StackTestCase.s = S


def tearDownModule():
    if S is not None:
        S.dump_logs(25)
        S.stop()


class RequestLoop(threading.Thread):
    """Sends requests one after another for `seconds` (bounded), through
    nginx and straight to the FastCGI socket, recording every outcome."""

    def __init__(self, seconds, cookie):
        super().__init__(daemon=True)
        self.seconds = seconds
        self.cookie = cookie
        self.results = []

    def run(self):
        deadline = time.monotonic() + self.seconds
        i = 0
        while time.monotonic() < deadline and i < 100000:
            i += 1
            kind = i % 4
            try:
                if kind == 0:
                    r = S.get("/", timeout=10)
                elif kind == 1:
                    r = S.get("/login", timeout=10)
                elif kind == 2:
                    r = S.fcgi("GET", "/schedule", headers={"Cookie": self.cookie}, timeout=10)
                else:
                    r = S.fcgi("GET", "/", timeout=10)
                self.results.append((kind, r.status))
            except Exception as e:  # a reset or refused connection is a failure too
                self.results.append((kind, repr(e)))


class Workers(StackTestCase):
    def assertWorkersUp(self, timeout=15):
        ok, _ = poll(lambda: len(S.worker_pids()) == S.workers, timeout)
        self.assertTrue(ok, "expected %d workers, have %r" % (S.workers, S.worker_pids()))

    def test_serve_runs_the_requested_number_of_workers(self):
        self.assertWorkersUp()
        self.assertTrue(pid_alive(S.app_pid()))

    def test_sighup_rolls_workers_without_a_failed_request(self):
        self.assertWorkersUp()
        before = set(S.worker_pids())
        master = S.app_pid()
        loop = RequestLoop(3.5, S.login())
        loop.start()
        time.sleep(0.6)
        self.assertTrue(loop.is_alive())
        os.kill(master, signal.SIGHUP)
        time.sleep(1.4)
        self.assertTrue(loop.is_alive())
        os.kill(master, signal.SIGHUP)
        n_at_second_hup = len(loop.results)
        loop.join(30)
        self.assertFalse(loop.is_alive(), "request loop did not end")
        failed = [r for r in loop.results if r[1] != 200]
        print("\n%d requests during the SIGHUP test" % len(loop.results), file=sys.stderr)
        self.assertGreater(len(loop.results), n_at_second_hup, "no request after the second SIGHUP")
        self.assertGreater(len(loop.results), 20, "too few requests in 3.5 s: %d" % len(loop.results))
        self.assertEqual(failed, [], "%d of %d requests failed during SIGHUP" % (len(failed), len(loop.results)))
        self.assertEqual(S.app_pid(), master)
        self.assertTrue(pid_alive(master), "the master must survive SIGHUP")
        ok, _ = poll(lambda: len(S.worker_pids()) == S.workers and not (set(S.worker_pids()) & before), 15)
        self.assertTrue(ok, "after SIGHUP the old workers %r should be replaced; now %r" % (
            sorted(before), S.worker_pids()))
        for p in before:
            ok, _ = poll(lambda: not pid_alive(p), 10)
            self.assertTrue(ok, "old worker %d still running 10 s after SIGHUP" % p)
        S.app_children_seen.update(S.worker_pids())

    def test_rapid_rolls_under_concurrent_load_fail_no_request(self):
        """Regression: the stop signal interrupted (EINTR) a worker's read of
        a request it had just accepted, so a roll could fail a request in
        flight. Many rolls against several concurrent clients find that."""
        self.assertWorkersUp()
        master = S.app_pid()
        loops = [RequestLoop(4.0, S.login()) for _ in range(4)]
        for loop in loops:
            loop.start()
        deadline = time.monotonic() + 3.5
        rolls = 0
        while time.monotonic() < deadline:
            os.kill(master, signal.SIGHUP)
            rolls += 1
            time.sleep(0.25)
        for loop in loops:
            loop.join(30)
            self.assertFalse(loop.is_alive(), "request loop did not end")
        results = [r for loop in loops for r in loop.results]
        failed = [r for r in results if r[1] != 200]
        print("\n%d requests during %d rolls" % (len(results), rolls), file=sys.stderr)
        self.assertGreater(len(results), 40)
        self.assertEqual(failed, [], "%d of %d requests failed during %d rolls: %r" % (
            len(failed), len(results), rolls, failed[:5]))
        self.assertWorkersUp()
        S.app_children_seen.update(S.worker_pids())

    def test_killed_worker_is_replaced(self):
        self.assertWorkersUp()
        victim = S.worker_pids()[0]
        os.kill(victim, signal.SIGKILL)
        ok, took = poll(lambda: len(S.worker_pids()) == S.workers and victim not in S.worker_pids(), 15)
        self.assertTrue(ok, "killed worker %d not replaced: workers now %r" % (victim, S.worker_pids()))
        S.app_children_seen.update(S.worker_pids())
        statuses = [S.get("/").status for _ in range(10)]
        statuses += [S.fcgi("GET", "/").status for _ in range(10)]
        self.assertEqual(statuses, [200] * 20)
        self.assertTrue(pid_alive(S.app_pid()))

    def test_sigterm_stops_master_and_workers(self):
        self.assertWorkersUp()
        master = S.app_pid()
        workers = S.worker_pids()
        t0 = time.monotonic()
        os.kill(master, signal.SIGTERM)
        try:
            code = S.app_proc.wait(timeout=15)
        except Exception:
            code = None
        took = time.monotonic() - t0
        try:
            self.assertIsNotNone(code, "the master did not exit within 15 s of SIGTERM")
            self.assertLess(took, 10, "SIGTERM took %.1f s" % took)
            for w in workers:
                ok, _ = poll(lambda: not pid_alive(w), 5)
                self.assertTrue(ok, "worker %d still running after the master exited" % w)
            # a clean exit, or the conventional re-raise of SIGTERM
            self.assertIn(code, (0, -signal.SIGTERM), "exit status after SIGTERM")
        finally:
            S.stop_app()
            S.start_app()
        self.assertEqual(S.get("/").status, 200)


class InheritedSocket(StackTestCase):
    def test_serves_on_a_listening_socket_handed_over_on_fd_0(self):
        """As spawn-fcgi and systemd socket activation start it: the
        listening socket is fd 0 and no listen address is configured."""
        import socket
        import subprocess
        path = S.path("inherited.sock")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(path)
        listener.listen(16)
        proc = subprocess.Popen([stackmod.BIN, "--config", S.ini, "serve", "--listen", "", "--workers", "1"],
                                stdin=listener.fileno(), stdout=subprocess.DEVNULL,
                                stderr=open(S.path("inherited.log"), "wb"))
        listener.close()
        try:
            ok, _ = poll(lambda: stackmod.fcgi_request(path, "GET", "/", server_port=S.http_port,
                                                       timeout=2).status == 200, 15, 0.2)
            self.assertTrue(ok, "no 200 from the inherited socket: %s" % stackmod.tail(S.path("inherited.log")))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        self.assertEqual(proc.returncode, 0, "serve on fd 0 did not stop cleanly on SIGTERM")

    def test_refuses_to_start_without_any_socket(self):
        import subprocess
        r = subprocess.run([stackmod.BIN, "--config", S.ini, "serve", "--listen", ""], stdin=subprocess.DEVNULL,
                           capture_output=True, text=True, timeout=30)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("fd 0 is not a listening socket", r.stderr)


if __name__ == "__main__":
    unittest.main()
