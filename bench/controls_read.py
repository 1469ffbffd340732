"""What reading an organization's controls costs as its open findings grow.

A measurement, not a test (pytest never collects it). For each size of ``--rows`` (open
findings of checks that controls map, on in-scope targets), in a fresh PostgreSQL database
(127.0.0.1:5432, user postgres, dropped afterwards), it times:

- the read (``compliance.controls.list_controls``, what ``GET /api/v1/controls`` calls, the
  assessments stored): p50 and p99 of ``--reads`` reads;
- a full re-assessment (``refresh`` of every control: what every read did before the status
  was stored, and what a scan's end, an evidence change or a due control still costs);

and prints them with the ratio of each size's read p50 to the smallest size's. Targets (issue
14): the read at 1M findings at most 1.5x its p50 at 10k, and at most 50 ms.

Run: ``.venv/bin/python bench/controls_read.py [--rows 10000,100000,1000000] [--reads 50]``.
It exits 0 whatever the figures, 1 if the run itself failed.
"""

from __future__ import annotations

import argparse
import contextlib
import secrets
import time
from datetime import UTC, datetime

from harness import load_average, machine, migrated_database, run_main

SEVERITIES = ("critical", "high", "medium", "low")


def _seed(rows: int):
    """One organization with 127.0.0.0/16 in scope and ``rows`` open findings of the checks
    that controls map; its id and the catalogue."""
    from peewee import chunked

    from cyberorigen.compliance.catalogue import build_catalogue
    from cyberorigen.db import database
    from cyberorigen.db.models import Finding
    from cyberorigen.plugin_registry import build_registry
    from cyberorigen.services.organizations import create_organization
    from cyberorigen.services.scope import add_scope_entry
    from cyberorigen.settings import ScopeSettings

    catalogue = build_catalogue(build_registry())
    checks = sorted(catalogue.controls_by_check)
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

    with database.atomic():
        for batch in chunked(findings(), 5000):
            Finding.insert_many(batch).execute()
    database.execute_sql("VACUUM ANALYZE finding")
    return org.id, catalogue


def _ms(seconds: list[float], percentile: float) -> float:
    ordered = sorted(seconds)
    return ordered[min(len(ordered) - 1, int(percentile * len(ordered)))] * 1000


def bench(args: argparse.Namespace, stack) -> None:
    from cyberorigen.compliance.controls import list_controls, refresh

    print("CyberOrigen controls read: GET /api/v1/controls's service, by open findings")
    print(f"machine: {machine()}; {load_average()}")
    results = []
    for rows in args.rows:
        sized = contextlib.ExitStack()
        stack.callback(sized.close)
        migrated_database(args.postgres_url, sized)
        started = time.perf_counter()
        org_id, catalogue = _seed(rows)
        seeded = time.perf_counter() - started
        started = time.perf_counter()
        refresh(org_id, catalogue, "assessment")  # the first read of a new organization
        full = time.perf_counter() - started
        reads = []
        for _ in range(args.reads):
            started = time.perf_counter()
            views = list_controls(org_id, catalogue, None, None)
            reads.append(time.perf_counter() - started)
        failing = sum(1 for view in views if view.assessment.status == "not_implemented")
        results.append((rows, _ms(reads, 0.5), _ms(reads, 0.99), full * 1000))
        print(
            f"  {rows:>9,} findings (seeded in {seeded:.1f} s): read p50 {_ms(reads, 0.5):7.2f} ms"
            f"  p99 {_ms(reads, 0.99):7.2f} ms; full re-assessment {full * 1000:9.1f} ms;"
            f" {failing} of {len(views)} controls not implemented"
        )
        sized.close()
    base = results[0][1]
    print("summary:")
    for rows, p50, _p99, _full in results:
        print(f"  {rows:>9,}: read p50 {p50:.2f} ms = {p50 / base:.2f}x the {results[0][0]:,} read")
    largest = results[-1]
    ratio_ok = largest[1] <= 1.5 * base
    print(
        f"target read p50 at {largest[0]:,} <= 1.5x at {results[0][0]:,}: "
        f"{'PASS' if ratio_ok else 'FAIL'} ({largest[1] / base:.2f}x)"
    )
    print(
        f"target read p50 at {largest[0]:,} <= 50 ms: "
        f"{'PASS' if largest[1] <= 50 else 'FAIL'} ({largest[1]:.2f} ms)"
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
    parser.add_argument("--reads", type=int, default=50, help="timed reads per size")
    parser.add_argument("--postgres-url", default="postgresql://postgres@127.0.0.1:5432/postgres")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    return run_main(bench, parse_args, argv)


if __name__ == "__main__":
    raise SystemExit(main())
