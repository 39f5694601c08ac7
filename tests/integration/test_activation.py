"""confsched serve started as a hosting admin starts it without letting it
open its own socket: under the real spawn-fcgi (the listening socket on
fd 0, FCGI_LISTENSOCK_FILENO) and under the real systemd-socket-activate
(systemd's protocol: fd 3, LISTEN_FDS, LISTEN_PID, as confsched.socket
hands it over). Each time the master and its workers serve through nginx
on the inherited socket."""

import os
import shutil
import stat
import subprocess
import unittest

import stack as stackmod
from support import StackTestCase, poll

S = None


def setUpModule():
    global S
    S = stackmod.Stack("activation", workers=2, https=False).start()
    StackTestCase.s = S


def tearDownModule():
    if S is not None:
        S.dump_logs(25)
        S.stop()


def fd_target(pid, fd):
    try:
        return os.readlink("/proc/%d/fd/%d" % (pid, fd))
    except OSError:
        return None


class Launchers(StackTestCase):
    def tearDown(self):
        # Back to the stack's own way for whatever runs next.
        S.stop_app()
        S.launcher = None
        S.start_app()

    def start_under(self, launcher):
        if shutil.which(launcher if launcher == "spawn-fcgi" else "systemd-socket-activate") is None:
            self.skipTest("%s is not installed (scripts/test installs it)" % launcher)
        S.stop_app()
        S.launcher = launcher
        S.start_app()

    def assertServesThroughNginx(self, fd, how):
        master = S.app_pid()
        self.assertTrue(stackmod.pid_alive(master))
        # The master holds the listening socket on the inherited descriptor,
        # and its workers (forked, not exec'd) share it.
        self.assertTrue((fd_target(master, fd) or "").startswith("socket:"),
                        "fd %d of the master is %r" % (fd, fd_target(master, fd)))
        ok, _ = poll(lambda: len(S.worker_pids()) == S.workers, 15)
        self.assertTrue(ok, "expected %d workers, have %r" % (S.workers, S.worker_pids()))
        for w in S.worker_pids():
            self.assertEqual(fd_target(w, fd), fd_target(master, fd), "worker %d" % w)
        with open(S.path("log", "confsched.log"), errors="replace") as f:
            self.assertIn("listening on inherited socket on fd %d" % fd, f.read())
        # Pages, a login and a delegate page, through nginx.
        self.assertEqual(S.get("/").status, 200, how)
        cookie = S.login()
        r = S.get("/schedule", headers={"Cookie": cookie})
        self.assertEqual(r.status, 200, how)
        self.assertGreater(len(stackmod.session_ids(r.text)), 0)

    def test_spawn_fcgi_hands_the_socket_over_on_fd_0(self):
        self.start_under("spawn-fcgi")
        # spawn-fcgi made the socket file with the mode it was given (-M).
        self.assertEqual(stat.S_IMODE(os.stat(S.fcgi_socket).st_mode), 0o660)
        self.assertServesThroughNginx(0, "under spawn-fcgi")

    def test_systemd_socket_activation_hands_the_socket_over_on_fd_3(self):
        # The ini still says listen = unix:<the same path>: had the passed
        # socket not won, serve would have found the path taken and exited.
        self.assertIn("listen = unix:" + S.fcgi_socket, S.ini_text())
        self.start_under("systemd")
        self.assertServesThroughNginx(3, "under systemd-socket-activate")


class Refusals(StackTestCase):
    def test_two_sockets_from_systemd_are_refused(self):
        if shutil.which("systemd-socket-activate") is None:
            self.skipTest("systemd-socket-activate is not installed")
        a, b = S.path("run", "two-a.sock"), S.path("run", "two-b.sock")
        proc = subprocess.Popen([stackmod.tool("systemd-socket-activate"), "-l", a, "-l", b,
                                 S.bin, "--config", S.ini, "serve", "--workers", "1"],
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        try:
            # The first connection makes systemd-socket-activate exec serve.
            ok, _ = poll(lambda: os.path.exists(a), 10)
            self.assertTrue(ok)
            import socket
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.connect(a)
            _, err = proc.communicate(timeout=30)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(timeout=10)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("systemd passed 2 sockets", err)


if __name__ == "__main__":
    unittest.main()
