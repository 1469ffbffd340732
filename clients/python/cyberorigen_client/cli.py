"""``cyberorigen-client``: the appliance's API from a terminal or a CI pipeline.

Exit codes: 0 success; 1 the ``--fail-on`` gate found open findings at or above the threshold
(or ``webhooks verify`` refused the payload); 2 usage errors, connection errors, errors the API
answered (4xx/5xx), and a scan that failed, was cancelled or did not finish in time.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections import Counter
from pathlib import Path

import click
import httpx

from cyberorigen_client import __version__
from cyberorigen_client.session import SEVERITIES, ApiError, CyberOrigen, RateLimitRetry
from cyberorigen_client.webhooks import WebhookVerificationError, verify_webhook

GATE_FAILED = 1
ERROR = 2
OUTPUT_FORMATS = {"sarif": "sarif", "csv": "csv", "json": "jsonl"}


class Failure(click.ClickException):
    """An error that ends the command with exit code 2."""

    exit_code = ERROR


def _session(ctx: click.Context) -> CyberOrigen:
    options = ctx.find_root().obj
    if not options["url"]:
        raise click.UsageError("no appliance: pass --url or set CYBERORIGEN_URL")
    if not options["api_key"]:
        raise click.UsageError("no API key: pass --api-key or set CYBERORIGEN_API_KEY")

    def tell(seconds: float, response: httpx.Response) -> None:
        click.echo(f"rate limited (429): retrying in {seconds:.0f}s", err=True)

    return CyberOrigen(
        options["url"],
        options["api_key"],
        timeout=options["timeout"],
        retry=RateLimitRetry(max_wait=options["max_rate_wait"], on_wait=tell),
    )


class _Group(click.Group):
    """Turns API and connection errors of any command into exit code 2 with one line."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ApiError as exc:
            raise Failure(f"the appliance answered {exc}") from None
        except httpx.HTTPError as exc:
            raise Failure(f"cannot reach the appliance: {exc}") from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--url", envvar="CYBERORIGEN_URL", help="The appliance (env CYBERORIGEN_URL).")
@click.option(
    "--api-key", envvar="CYBERORIGEN_API_KEY", help="An API key co_… (env CYBERORIGEN_API_KEY)."
)
@click.option("--timeout", default=30.0, show_default=True, help="Seconds per HTTP request.")
@click.option(
    "--max-rate-wait",
    default=120.0,
    show_default=True,
    help="Longest wait (seconds) taken to retry after a 429; longer ones fail.",
)
@click.version_option(__version__, prog_name="cyberorigen-client")
@click.pass_context
def main(ctx: click.Context, url, api_key, timeout, max_rate_wait) -> None:
    """Talk to a CyberOrigen appliance: scan, gate a pipeline, fetch findings and reports.

    Exit codes: 0 ok; 1 the --fail-on gate (or webhooks verify) failed; 2 usage, connection
    or API errors, and scans that failed, were cancelled or timed out."""
    ctx.obj = {"url": url, "api_key": api_key, "timeout": timeout, "max_rate_wait": max_rate_wait}


# --- scan ----------------------------------------------------------------------------------


class _Progress:
    """A bar on a terminal, a line per change elsewhere (CI logs)."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.last: tuple | None = None

    def __call__(self, scan: dict) -> None:
        state = (scan["status"], scan.get("progress") or 0, scan.get("current_step") or "")
        if state == self.last:
            return
        self.last = state
        status, percent, step = state
        if self.tty:
            filled = percent * 30 // 100
            bar = "#" * filled + "-" * (30 - filled)
            line = f"\r[{bar}] {percent:3d}% {status:<9} {step[:40]:<40}"
            self.stream.write(line)
            if status in ("completed", "failed", "cancelled"):
                self.stream.write("\n")
        else:
            self.stream.write(f"{scan['id']} {status} {percent}% {step}".rstrip() + "\n")
        self.stream.flush()


def _gate(session: CyberOrigen, scan_id: str, threshold: str) -> tuple[int, Counter]:
    """How many open findings of the scan are at or above ``threshold``, and all by
    severity."""
    rank = SEVERITIES.index(threshold)
    counts = Counter(finding["severity"] for finding in session.findings(scan_id, status="open"))
    over = sum(n for severity, n in counts.items() if SEVERITIES.index(severity) >= rank)
    return over, counts


def _write_output(session: CyberOrigen, kind: str, path: Path, scan: dict) -> None:
    data = session.export_findings(OUTPUT_FORMATS[kind], target=scan["target"])
    if kind == "json":
        items = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
        data = (json.dumps(items, indent=2) + "\n").encode("utf-8")
    path.write_bytes(data)
    click.echo(f"wrote {kind} to {path}", err=True)


@main.command()
@click.argument("target")
@click.option("--profile", default="quick", show_default=True, help="Scan profile (scan_type).")
@click.option("--frameworks", default="", help="Comma-separated, e.g. soc2,pci-dss.")
@click.option("--wait/--no-wait", default=False, help="Wait until the scan ends.")
@click.option(
    "--fail-on",
    type=click.Choice(list(reversed(SEVERITIES))),
    help="Exit 1 if the scan has an open finding at or above this severity (implies --wait).",
)
@click.option(
    "--output",
    "outputs",
    nargs=2,
    multiple=True,
    type=(click.Choice(sorted(OUTPUT_FORMATS)), click.Path(dir_okay=False, path_type=Path)),
    metavar="FORMAT FILE",
    help="Write the target's findings: sarif, json or csv (implies --wait; repeatable).",
)
@click.option("--interval", default=2.0, show_default=True, help="Seconds between polls.")
@click.option("--wait-timeout", type=float, help="Give up waiting after this many seconds.")
@click.pass_context
def scan(ctx, target, profile, frameworks, wait, fail_on, outputs, interval, wait_timeout):
    """Start a scan of TARGET; optionally wait, gate on severity and write findings.

    With --fail-on, the open findings the scan observed (GET /api/v1/scans/{id}/findings,
    status open: not fixed, accepted_risk or false_positive) are counted; any at or above the
    severity exits 1. --output files hold the open and closed findings of the scan's target
    (GET /api/v1/findings/export?target=…)."""
    session = _session(ctx)
    names = [name.strip() for name in frameworks.split(",") if name.strip()]
    created = session.create_scan(target, profile, names)
    click.echo(f"scan {created['id']} {created['status']} ({target}, {profile})", err=True)
    if not (wait or fail_on or outputs):
        click.echo(created["id"])
        return
    try:
        done = session.wait_for_scan(
            created["id"], interval=interval, timeout=wait_timeout, on_progress=_Progress()
        )
    except TimeoutError as exc:
        raise Failure(str(exc)) from None
    click.echo(
        f"scan {done['id']} {done['status']}: {done.get('vulnerabilities_found', 0)} findings",
        err=True,
    )
    if done["status"] != "completed":
        raise Failure(f"scan {done['id']} {done['status']}: {done.get('error') or ''}".strip())
    for kind, path in outputs:
        _write_output(session, kind, path, done)
    click.echo(done["id"])
    if fail_on:
        over, counts = _gate(session, done["id"], fail_on)
        summary = ", ".join(f"{s} {counts[s]}" for s in reversed(SEVERITIES) if counts[s])
        click.echo(f"open findings: {summary or 'none'}", err=True)
        if over:
            click.echo(f"FAIL: {over} open finding(s) at or above {fail_on}", err=True)
            ctx.exit(GATE_FAILED)
        click.echo(f"PASS: no open finding at or above {fail_on}", err=True)


# --- reading -------------------------------------------------------------------------------


def _emit(rows: list[dict], columns: list[str], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            [", ".join(v) if isinstance(v, list) else v for v in (row.get(c) for c in columns)]
        )
    click.echo(out.getvalue(), nl=False)


@main.command()
@click.option("--scan", "scan_id", help="Only what this scan observed.")
@click.option("--severity", type=click.Choice(list(reversed(SEVERITIES))))
@click.option("--status", type=click.Choice(["open", "fixed", "accepted_risk", "false_positive"]))
@click.option("--target")
@click.option("--check-id")
@click.option("--json", "as_json", is_flag=True, help="A JSON array instead of a table.")
@click.pass_context
def findings(ctx, scan_id, severity, status, target, check_id, as_json):
    """List findings (every page), as a tab-separated table or JSON."""
    rows = list(
        _session(ctx).findings(
            scan_id, severity=severity, status=status, target=target, check_id=check_id
        )
    )
    _emit(rows, ["id", "severity", "status", "check_id", "target", "location", "title"], as_json)


@main.command()
@click.option("--framework", help="Only this framework's controls, e.g. soc2.")
@click.option("--status", help="Only controls with this status.")
@click.option("--json", "as_json", is_flag=True, help="A JSON array instead of a table.")
@click.pass_context
def controls(ctx, framework, status, as_json):
    """List controls and their status (every page)."""
    rows = list(_session(ctx).paginate("/api/v1/controls", framework=framework, status=status))
    _emit(rows, ["id", "status", "name", "frameworks", "evidence_count"], as_json)


@main.command()
@click.argument("framework")
@click.option(
    "--pdf",
    "pdf",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the PDF.",
)
@click.pass_context
def report(ctx, framework, pdf):
    """Download FRAMEWORK's compliance report (e.g. soc2) as a PDF."""
    answer = _session(ctx).request("GET", f"/api/v1/frameworks/{framework}/report.pdf")
    pdf.write_bytes(answer.content)
    click.echo(f"wrote {len(answer.content)} bytes to {pdf}", err=True)


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", help="sarif, nmap, zap, nuclei, trivy, ocsf… (else guessed).")
@click.option("--target", help="What the results are about (when the file does not say).")
@click.option("--asset", help="An asset id the results are about.")
@click.option("--frameworks", help="Comma-separated frameworks to assess.")
@click.pass_context
def import_(ctx, file, fmt, target, asset, frameworks):
    """Import another tool's results FILE (POST /api/v1/imports); prints the answer."""
    fields = {"format": fmt, "target": target, "asset": asset, "frameworks": frameworks}
    with file.open("rb") as handle:
        answer = _session(ctx).request(
            "POST",
            "/api/v1/imports",
            files={"file": (file.name, handle)},
            data={k: v for k, v in fields.items() if v},
        )
    click.echo(json.dumps(answer.json(), indent=2))


# --- webhooks ------------------------------------------------------------------------------


@main.group()
def webhooks() -> None:
    """Webhook helpers."""


@webhooks.command("verify")
@click.option(
    "--body",
    "body",
    required=True,
    type=click.File("rb"),
    help="The raw body received ('-' for stdin).",
)
@click.option(
    "--header",
    "-H",
    "headers",
    multiple=True,
    help="'name: value', repeatable: webhook-id, webhook-timestamp, webhook-signature.",
)
@click.option(
    "--headers-file",
    type=click.File("r"),
    help="Headers as received, one 'name: value' a line (or a JSON object).",
)
@click.option(
    "--secret",
    envvar="CYBERORIGEN_WEBHOOK_SECRET",
    required=True,
    multiple=True,
    help="The webhook's secret (env CYBERORIGEN_WEBHOOK_SECRET); repeat during a rotation.",
)
@click.option("--tolerance", default=300, show_default=True, help="Seconds a timestamp may be off.")
def webhooks_verify(body, headers, headers_file, secret, tolerance):
    """Check a received delivery's Standard Webhooks signature; print its event.

    Exit 0 when a signature matches, 1 when none does (or it is too old), 2 on usage errors."""
    found: dict[str, str] = {}
    if headers_file is not None:
        text = headers_file.read()
        if text.lstrip().startswith("{"):
            found.update({str(k): str(v) for k, v in json.loads(text).items()})
        else:
            headers = (*text.splitlines(), *headers)
    for line in headers:
        if not line.strip():
            continue
        name, sep, value = line.partition(":")
        if not sep:
            raise click.UsageError(f"a header is 'name: value', not {line!r}")
        found[name.strip().lower()] = value.strip()
    try:
        event = verify_webhook(body.read(), found, list(secret), tolerance=tolerance)
    except WebhookVerificationError as exc:
        click.echo(f"INVALID: {exc}", err=True)
        sys.exit(GATE_FAILED)
    click.echo(f"valid: {event.get('type')} {event.get('id')}", err=True)
    click.echo(json.dumps(event, indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
