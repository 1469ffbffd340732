"""docs/checks.md is generated from the built-in scanners' check descriptors and lists, with a
reason, every check of the reference catalogue that no built-in scanner implements."""

from __future__ import annotations

import csv
from pathlib import Path

from cyberorigen.checks_catalog import generated_part, render_catalogue
from cyberorigen.plugin_registry import build_registry

REPO_ROOT = Path(__file__).resolve().parent.parent
DOC = REPO_ROOT / "docs" / "checks.md"
REFERENCE = REPO_ROOT / "tests" / "data" / "checks_reference_ids.csv"


def built_in_check_ids(registry) -> set[str]:
    return {
        check.id
        for record in registry.records
        if record.distribution == "cyberorigen"
        for name in record.scanners
        for check in registry.scanners[name].checks
    }


def test_the_document_matches_the_scanners():
    registry = build_registry()

    assert generated_part(DOC.read_text(encoding="utf-8")) == render_catalogue(registry), (
        "docs/checks.md is out of date: regenerate its catalogue with `cyberorigen checks`"
    )


def test_every_reference_check_is_implemented_or_explained():
    with REFERENCE.open(encoding="utf-8") as handle:
        reference = {row["check_id"] for row in csv.DictReader(handle)}
    implemented = built_in_check_ids(build_registry())
    left_out = DOC.read_text(encoding="utf-8").split("## Left out", 1)[1]

    unexplained = sorted(
        check_id
        for check_id in reference - implemented
        if f"`{check_id}`" not in left_out
    )

    assert unexplained == []
