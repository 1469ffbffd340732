"""The appliance's processes, started as an operator would (``python -m cyberorigen.cli``),
for the tests that run the production stack or the embedded server as real processes."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

STOP_TIMEOUT = 30


def process_table() -> dict[int, tuple[str, int]]:
    """Every process: pid -> (state, parent pid), from /proc."""
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            found[int(entry)] = (fields[0], int(fields[1]))
    return found


def children_of(pid: int) -> list[int]:
    """The live processes whose parent is ``pid`` (a worker's pool of worker processes, a
    worker process's work horse: RQ's horse runs in a session of its own)."""
    return sorted(
        child
        for child, (state, parent) in process_table().items()
        if parent == pid and state != "Z"
    )


def descendants_of(pid: int) -> list[int]:
    """The children of ``pid``, their children, and so on."""
    children = children_of(pid)
    return children + [below for child in children for below in descendants_of(child)]


def alive(pid: int) -> bool:
    return process_table().get(pid, ("Z", 0))[0] != "Z"


class Stack:
    """The processes of the appliance, each in a session of its own, logging to files."""

    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        self.folder = folder
        self.env = env
        self.processes: dict[str, subprocess.Popen] = {}
        self.logs: dict[str, Path] = {}

    def start(self, name: str, *arguments: str) -> subprocess.Popen:
        log = self.folder / f"{name}.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                [sys.executable, "-m", "cyberorigen.cli", *arguments],
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.processes[name] = process
        self.logs[name] = log
        return process

    def run(self, *arguments: str, env: dict[str, str] | None = None, stdin: str = ""):
        return subprocess.run(
            [sys.executable, "-m", "cyberorigen.cli", *arguments],
            env=env or self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )

    def dead(self) -> list[str]:
        return [
            f"{name} exited with {process.returncode}"
            for name, process in self.processes.items()
            if process.poll() is not None
        ]

    def report(self, tail: int = 4000) -> str:
        parts = []
        for name, log in self.logs.items():
            process = self.processes[name]
            text = log.read_text(errors="replace") if log.exists() else ""
            parts.append(
                f"--- {name} (pid {process.pid}, returncode {process.poll()}) ---\n" + text[-tail:]
            )
        return "\n".join(parts)

    def stop(self) -> dict[str, int | None]:
        """SIGTERM to every process group; wait; the return code of each (None: still running
        after STOP_TIMEOUT seconds)."""
        for process in self.processes.values():
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT
        codes: dict[str, int | None] = {}
        for name, process in self.processes.items():
            try:
                codes[name] = process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                codes[name] = None
        return codes

    def leftovers(self) -> list[str]:
        """Processes still alive in the sessions of the stack (gunicorn workers, work horses)."""
        alive = []
        for name, process in self.processes.items():
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                continue
            alive.append(name)
        return alive

    def kill(self) -> None:
        """SIGKILL whatever is left of every process group (the cleanup after a failure)."""
        for process in self.processes.values():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(process.pid, signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=10)


def wait_until(condition, timeout: float, interval: float = 0.25):
    """Call ``condition`` until it returns something true or ``timeout`` seconds pass; its
    last value."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


def admin_session(base: str, email: str, password: str, scope: str = "127.0.0.1"):
    """A requests session logged in to the API at ``base`` as ``email`` (an admin), with
    ``scope`` added to its organization's scan scope."""
    import requests

    session = requests.Session()
    token = session.post(
        f"{base}/api/v1/auth/token", data={"username": email, "password": password}, timeout=30
    )
    assert token.status_code == 200, token.text
    session.headers["Authorization"] = f"Bearer {token.json()['access_token']}"
    added = session.post(f"{base}/api/v1/scope", json={"value": scope}, timeout=30)
    assert added.status_code == 201, added.text
    return session


@contextlib.contextmanager
def served(folder: Path, env: dict[str, str], timeout: float = 60.0) -> Iterator[str]:
    """``cyberorigen serve`` of the instance ``cyberorigen init`` made in ``folder``, on a free
    port of 127.0.0.1 and in a session of its own: its base URL once ``/api/health`` answers
    200; the whole process group is killed afterwards (scans it runs included)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = folder / "serve.log"  # a file, not a pipe: a pipe nobody reads fills and blocks it
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "cyberorigen.cli", "serve", "--port", str(port)],
            cwd=folder,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=output,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=2) as answer:  # noqa: S310
                    if answer.status == 200:
                        break
            except OSError:
                pass
            assert server.poll() is None, log.read_text(errors="replace")[-3000:]
            assert time.monotonic() < deadline, "the server did not answer /api/health"
            time.sleep(0.2)
        yield base
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=20)
