"""The README's five-minute tour, run as printed against a fresh appliance.

As a new user would: in an empty folder, with no CYBERORIGEN_* setting but a test lab's two
(``LAB_SETTINGS``), ``cyberorigen init`` (embedded mode: SQLite, no Redis), then ``cyberorigen
serve``; then every command of the tour's shell block, in order, with bash and curl. The only
changes to the text are the ones the tour asks the reader to make: the port the test's server
listens on, the printed password, the id of the scan step 3 created, the code scanner's results
step 9 imports (``semgrep.sarif``), and hosts of its own (on loopback) for the example ones. The
file step 8 uploads, the tour makes itself.
Each command must succeed and answer JSON (or CSV) with every field the README's example
answer shows.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support.policy import TEST_FORBIDDEN_NETWORKS
from support.processes import served

README = Path(__file__).resolve().parent.parent / "README.md"
PRINTED_BASE = "http://127.0.0.1:8000"
PRINTED_SCAN_ID = "scan_1f0c…"
#: What a reader puts in place of the tour's example hosts: hosts of their own. The test's own
#: are on loopback (a test scans nothing else): an address, and a network of
#: 127.0.0.0/8 (an address where the tour has a domain: no DNS server is asked).
OWN_HOSTS = {
    "example.com": "127.0.0.1",
    "10.0.0.0/24": "127.0.3.0/24",
    "10.0.0.0/28": "127.0.3.0/28",
}
#: The operator's settings of a test lab: loopback may be scanned (the appliance forbids it by
#: default), and the full profile keeps the scanners that examine the hosts themselves (dns
#: and smtp ask DNS servers, vulns needs what the others find): nothing leaves the machine.
LAB_SETTINGS = {
    "CYBERORIGEN_SCOPE_FORBIDDEN_NETWORKS": ",".join(TEST_FORBIDDEN_NETWORKS),
    "CYBERORIGEN_SCANS_PROFILES": json.dumps({"full": ["ports", "http", "tls", "ssh"]}),
}
PAGE = {"items", "total", "page", "per_page", "pages"}

needs_curl = pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")


@dataclass
class Command:
    step: str
    text: str
    #: The README's example answer (its comment lines after the command), "# " stripped.
    example: list[str] = field(default_factory=list)


def tour() -> list[Command]:
    """The commands of the tour's shell block, each with the step it belongs to."""
    text = README.read_text(encoding="utf-8").split("## A five-minute tour", 1)[1]
    block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    commands: list[Command] = []
    step, pending = "", ""
    for line in block.splitlines():
        stripped = line.strip()
        if pending:
            pending += "\n" + line
            if not stripped.endswith("\\"):
                commands.append(Command(step, pending))
                pending = ""
            continue
        if not stripped:
            continue
        heading = re.match(r"#\s*(\d+[a-z]?)\.\s", stripped)
        if heading:
            step = heading.group(1)
        elif stripped.startswith("#"):
            if commands and commands[-1].step == step and re.match(r"#\s+[{\[\"]|#\s{2,}", line):
                commands[-1].example.append(stripped[1:].strip())
        elif stripped.endswith("\\"):
            pending = line
        else:
            commands.append(Command(step, line))
    return commands


def _keys(value) -> set[str]:
    """Every key of every object in a JSON value."""
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in _keys(item)}
    if isinstance(value, list):
        return {key for item in value for key in _keys(item)}
    return set()


@pytest.fixture
def fresh_appliance(tmp_path):
    """``cyberorigen init`` and ``serve`` in an empty folder with no CYBERORIGEN_* setting:
    ``(base URL, e-mail, password, folder, environment)``."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("CYBERORIGEN_")}
    env.update(LAB_SETTINGS)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    cli = [sys.executable, "-m", "cyberorigen.cli"]
    init = subprocess.run(
        [*cli, "init"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert init.returncode == 0, init.stderr
    email = re.search(r"Log in as:\s+(\S+)", init.stdout).group(1)
    password = re.search(r"Password:\s+(\S+)", init.stdout).group(1)
    # The tour's scans (example.com, 10.0.0.0/28) may still be running when it ends: the
    # server's whole group is stopped, at once.
    with served(tmp_path, env) as base:
        yield base, email, password, tmp_path, env


def test_the_tour_has_the_steps_it_promises():
    steps = [command.step for command in tour()]
    assert steps[0] == "" and steps[1] == "1", steps  # BASE=..., then the token
    assert {"1", "2", "3", "4", "4b", "5", "6", "7", "8", "9", "10"} <= set(steps), steps
    assert any(PRINTED_SCAN_ID in command.text for command in tour())


@needs_curl
def test_the_readme_tour_works_as_printed(fresh_appliance):
    base, email, password, folder, env = fresh_appliance
    assert email == "admin@localhost"  # the tour logs in with it
    # What a reader's own code scanner wrote (step 9 imports it).
    shutil.copy(README.parent / "tests" / "data" / "imports" / "semgrep.sarif", folder)
    variables: dict[str, str] = {}
    scan_id = None
    for command in tour():
        text = command.text.replace(PRINTED_BASE, base).replace("THE-PRINTED-PASSWORD", password)
        for printed, own in OWN_HOSTS.items():
            text = text.replace(printed, own)
        if PRINTED_SCAN_ID in text:
            assert scan_id, "step 3 created no scan"
            text = text.replace(PRINTED_SCAN_ID, scan_id)
        assignment = re.match(r"([A-Z_]+)=", text)
        script = f'{text}\nprintf %s "${assignment.group(1)}"' if assignment else text
        ran = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", script],
            cwd=folder,
            env={**env, **variables},
            capture_output=True,
            text=True,
            timeout=60,
        )
        where = f"step {command.step or 'BASE'}: {command.text}"
        assert ran.returncode == 0, f"{where}\n{ran.stderr}"
        if assignment:
            variables[assignment.group(1)] = ran.stdout
            assert ran.stdout, where
            continue
        if not text.startswith("curl"):  # a file the tour makes for what comes next
            continue
        if "/report.csv" in text:
            assert ran.stdout.startswith("requirement"), (where, ran.stdout[:200])
            continue
        saved = re.search(r" -o (\S+)", text)
        if saved:  # a document downloaded to a file: a PDF that opens
            assert (folder / saved.group(1)).read_bytes().startswith(b"%PDF-"), where
            continue
        answer = json.loads(ran.stdout)
        shown = set(re.findall(r'"(\w+)":', " ".join(command.example)))
        if isinstance(answer, dict) and answer.get("items") == []:
            shown &= PAGE  # an empty page (the network of step 4b has no host here)
        assert shown <= _keys(answer), (where, shown - _keys(answer), answer)
        if command.step == "3":
            assert answer["status"] == "queued", answer
            scan_id = answer["id"]
        if command.step == "6":
            assert (answer["error_code"], answer["field"]) == ("VALIDATION_ERROR", "target")
        else:
            assert "error_code" not in answer, (where, answer)
    assert variables["TOKEN"] and scan_id
