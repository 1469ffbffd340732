"""What the reads cost as an organization's rows grow: the lists and the controls.

A measurement, not a test (pytest never collects it). For each size of ``--rows``, in a fresh
PostgreSQL database (127.0.0.1:5432, user postgres, dropped afterwards), an organization gets
that many scans (through the bulk path, counted as the service counts them) and that many open
findings of the checks that controls map, on in-scope targets. It then times, in this process
(the services and the pagination the routes call, without HTTP), p50 and p99 of ``--reads``:

- ``/scans`` page 1 and a deep page (the middle), ``/findings`` page 1 (20 a page); page 1
  of three filtered lists (one check's findings and one target's scans, whose totals are
  counted, and one severity's, which has a counter);
- ``/controls`` (``list_controls``: the assessments stored);
- once, a full re-assessment (``refresh`` of every control: what every ``/controls`` read did
  before the status was stored, and what a scan's end or an evidence change still costs).

Targets (issue 14): every list's and ``/controls``' p50 at the largest size at most 1.5x its
p50 at the smallest; ``/controls`` at most 50 ms. It exits 0 whatever the figures, 1 if the run
itself failed. Run: ``.venv/bin/python bench/reads_at_scale.py [--rows 10000,100000,1000000]``.
"""

from __future__ import annotations

import argparse
import contextlib
import secrets
import time
from collections import Counter
from datetime import UTC, datetime
from functools import partial

from harness import load_average, machine, migrated_database, run_main

SEVERITIES = ("critical", "high", "medium", "low")


def seed_rows(rows: int, org=None):
    """``rows`` scans and ``rows`` open findings of the checks that controls map, on targets
    of 127.0.0.0/16 (in scope), for ``org`` (a new organization when None), inserted in bulk
    and counted as the services count; the organization's id and the catalogue."""
    from peewee import chunked

    from cyberorigen.compliance.catalogue import build_catalogue
    from cyberorigen.db import database
    from cyberorigen.db.models import Finding, Scan
    from cyberorigen.plugin_registry import build_registry
    from cyberorigen.services.organizations import create_organization
    from cyberorigen.services.row_counts import FINDINGS, SCANS, count_change, value_counter
    from cyberorigen.services.scope import add_scope_entry
    from cyberorigen.settings import ScopeSettings

    catalogue = build_catalogue(build_registry())
    checks = sorted(catalogue.controls_by_check)
    if org is None:
        org = create_organization(f"Bench {secrets.token_hex(3)}", "enterprise")
    add_scope_entry(org.id, "127.0.0.0/16", ScopeSettings(forbidden_networks=()))
    now = datetime.now(UTC).replace(tzinfo=None, microsecond=0)

    def findings():
        for index in range(rows):
            check = checks[index % len(checks)]
            yield {
                "public_id": f"fnd_{index:010x}{secrets.token_hex(3)}",
                "organization": org.id,
                "target": f"127.0.{index // 256 % 256}.{index % 256}",
                "fingerprint": f"{index:016x}",
                "scanner": check.split(".")[0],
                "check_id": check,
                "title": f"finding {index}",
                "severity": SEVERITIES[index % len(SEVERITIES)],
                "location": "",
                "evidence": {},
                "remediation": "",
                "references": [],
                "status": "open",
                "first_seen": now,
                "last_seen": now,
            }

    def scans():
        for index in range(rows):
            yield {
                "public_id": f"scan_{index:010x}{secrets.token_hex(3)}",
                "organization": org.id,
                "target": f"127.0.{index // 256 % 256}.{index % 256}",
                "scan_type": "quick",
                "frameworks": [],
                "status": "completed",
                "created_at": now,
            }

    with database.atomic():
        for batch in chunked(findings(), 5000):
            Finding.insert_many(batch).execute()
        for batch in chunked(scans(), 5000):
            Scan.insert_many(batch).execute()
        count_change(org.id, FINDINGS, rows)
        count_change(org.id, value_counter(FINDINGS, "status", "open"), rows)
        for severity, count in Counter(
            SEVERITIES[i % len(SEVERITIES)] for i in range(rows)
        ).items():
            count_change(org.id, value_counter(FINDINGS, "severity", severity), count)
        for check, count in Counter(checks[i % len(checks)] for i in range(rows)).items():
            count_change(org.id, value_counter(FINDINGS, "check_id", check), count)
        count_change(org.id, SCANS, rows)
    database.execute_sql("VACUUM ANALYZE finding")
    database.execute_sql("VACUUM ANALYZE scan")
    return org.id, catalogue


def _ms(seconds: list[float], percentile: float) -> float:
    ordered = sorted(seconds)
    return ordered[min(len(ordered) - 1, int(percentile * len(ordered)))] * 1000


def _list(paginate, query, org_id: int, page: dict, filters: dict | None = None) -> dict:
    return paginate(query(org_id, dict(filters or {})), page)


def _check_totals(paginate, findings_query, scans_query, org_id: int) -> None:
    """The totals the counters give are COUNT(*)'s (a fast wrong answer would be no figure)."""
    from cyberorigen.db.models import Finding, Scan

    page = {"page": 1, "per_page": 1}
    for query, model, filters in (
        (findings_query, Finding, {}),
        (findings_query, Finding, {"severity": "high"}),
        (scans_query, Scan, {}),
    ):
        shown = paginate(query(org_id, dict(filters)), page)["total"]
        counted = query(org_id, dict(filters)).count()
        if shown != counted:
            raise RuntimeError(f"{model.__name__} {filters}: total {shown}, COUNT(*) {counted}")


def _timed(read, times: int) -> tuple[float, float]:
    seconds = []
    for _ in range(times):
        started = time.perf_counter()
        read()
        seconds.append(time.perf_counter() - started)
    return _ms(seconds, 0.5), _ms(seconds, 0.99)


def bench(args: argparse.Namespace, stack) -> None:
    from cyberorigen.api.pagination import paginate
    from cyberorigen.compliance.controls import list_controls, refresh
    from cyberorigen.services.findings import findings_query
    from cyberorigen.services.scans import scans_query

    print("CyberOrigen reads at scale: the services of the list routes and of /controls")
    print(f"machine: {machine()}; {load_average()}")
    reads: dict[str, dict[int, tuple[float, float]]] = {}
    for rows in args.rows:
        sized = contextlib.ExitStack()
        stack.callback(sized.close)
        migrated_database(args.postgres_url, sized)
        started = time.perf_counter()
        org_id, catalogue = seed_rows(rows)
        checks = sorted(catalogue.controls_by_check)
        seeded = time.perf_counter() - started
        started = time.perf_counter()
        refresh(org_id, catalogue, "assessment")  # the first read of a new organization
        full = (time.perf_counter() - started) * 1000
        middle = max(1, rows // 20 // 2)
        first, deep = {"page": 1, "per_page": 20}, {"page": middle, "per_page": 20}
        # Each read builds its query (and reads the row counter) as a request does.
        measured = {
            "/scans page 1": partial(_list, paginate, scans_query, org_id, first),
            f"/scans page {middle:,}": partial(_list, paginate, scans_query, org_id, deep),
            "/findings page 1": partial(_list, paginate, findings_query, org_id, first),
            # Filtered lists: one check's findings (1 in len(checks)) and one target's scans
            # (1 in 65,536) count their matches; a quarter of them by severity has a counter.
            "/findings?check_id=": partial(
                _list, paginate, findings_query, org_id, first, {"check_id": checks[0]}
            ),
            "/findings?severity=high": partial(
                _list, paginate, findings_query, org_id, first, {"severity": "high"}
            ),
            "/scans?target=": partial(
                _list, paginate, scans_query, org_id, first, {"target": "127.0.0.7"}
            ),
            "/controls": partial(list_controls, org_id, catalogue, None, None),
        }
        _check_totals(paginate, findings_query, scans_query, org_id)
        print(f"  {rows:,} scans and open findings (seeded in {seeded:.1f} s):")
        for label, read in measured.items():
            p50, p99 = _timed(read, args.reads)
            key = "/scans deep page" if "page" in label and "page 1" not in label else label
            reads.setdefault(key, {})[rows] = (p50, p99)
            print(f"    {label:<26} p50 {p50:8.2f} ms  p99 {p99:8.2f} ms")
        print(f"    full re-assessment of the 41 controls: {full:,.0f} ms")
        sized.close()
    smallest, largest = args.rows[0], args.rows[-1]
    print(f"summary (p50 at {largest:,} / p50 at {smallest:,}, target <= 1.5x):")
    for key, by_size in reads.items():
        ratio = by_size[largest][0] / by_size[smallest][0]
        print(f"  {key:<26} {ratio:6.2f}x  {'PASS' if ratio <= 1.5 else 'FAIL'}")
    controls = reads["/controls"][largest][0]
    print(
        f"target /controls p50 at {largest:,} <= 50 ms: "
        f"{'PASS' if controls <= 50 else 'FAIL'} ({controls:.2f} ms)"
    )
    print(f"after: {load_average()}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows",
        type=lambda text: [int(item) for item in text.split(",")],
        default=[10_000, 100_000, 1_000_000],
        help="sizes: open findings, comma-separated",
    )
    parser.add_argument("--reads", type=int, default=50, help="timed reads of each per size")
    parser.add_argument("--postgres-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    return run_main(bench, parse_args, argv)


if __name__ == "__main__":
    raise SystemExit(main())
