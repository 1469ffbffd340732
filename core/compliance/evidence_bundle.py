"""An evidence bundle for an auditor: a ZIP of the evidence files with a manifest.

``manifest.json`` lists every piece of evidence in the bundle: its id, kind, title, the
control it was added to and the framework requirements that control serves, the validity
window (effective from / until, and whether it is current), who collected it and who reviewed
it, the review's status and comment, and for a file its SHA-256, size and its path in the
ZIP. Links and notes are in the manifest only; a scan's results carry what the scan examined.

Paths in the ZIP are made by the appliance from ids and a cleaned file name
(``files/<control>/<evidence id>-<name>``), never taken from what was uploaded, so no entry
can point outside the folder it is unpacked into. A file whose content is missing from the
store (deleted by hand) is listed with ``"missing": true`` instead of failing the bundle.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import IO, Any

from cyberorigen.compliance.catalogue import Catalogue
from cyberorigen.compliance.evidence import EvidenceStore, reviews_of, safe_filename
from cyberorigen.db.models import Evidence, User, utcnow
from cyberorigen.errors import Invalid
from cyberorigen.vocab import TIMESTAMP_FORMAT

#: Which evidence a bundle holds: what counts (accepted), or everything not deleted.
SELECTIONS = ("accepted", "all")
CHUNK = 1 << 16


def _stamp(value: datetime | None) -> str | None:
    return value.strftime(TIMESTAMP_FORMAT) if value else None


def bundle_rows(
    org_id: int,
    catalogue: Catalogue,
    framework: str | None = None,
    control_ids: Sequence[str] = (),
    selection: str = "accepted",
) -> list[Evidence]:
    """The organization's evidence a bundle holds: not deleted, of the controls the framework
    maps (or of ``control_ids``), accepted unless ``selection`` is ``all``; in control order,
    oldest first."""
    if selection not in SELECTIONS:
        raise Invalid("include", f"must be one of: {', '.join(SELECTIONS)}")
    query = Evidence.select().where(
        (Evidence.organization == org_id) & Evidence.deleted_at.is_null()
    )
    wanted: set[str] = set(control_ids)
    if framework is not None:
        found = catalogue.framework(framework)
        if found is None:
            raise Invalid("framework", f"unknown framework {framework!r}")
        mapped = {link.control for link in found.mappings()}
        wanted = wanted & mapped if wanted else mapped
    for control_id in control_ids:
        if control_id not in catalogue.controls:
            raise Invalid("control", f"unknown control {control_id!r}")
    if wanted or framework is not None:
        query = query.where(Evidence.control_id.in_(sorted(wanted)))
    if selection == "accepted":
        query = query.where(Evidence.review_status == "accepted")
    return list(query.order_by(Evidence.control_id, Evidence.created_at, Evidence.id))


def _requirements(catalogue: Catalogue, control_id: str, framework: str | None) -> list[dict]:
    chosen = catalogue.framework(framework).id if framework else None
    return [
        {
            "framework": link.framework.id,
            "requirement": link.requirement.id,
            "title": link.requirement.title,
            "coverage": link.mapping.coverage,
        }
        for link in catalogue.links_by_control.get(control_id, [])
        if chosen is None or link.framework.id == chosen
    ]


def write_bundle(
    out: IO[bytes],
    rows: Sequence[Evidence],
    catalogue: Catalogue,
    store: EvidenceStore,
    organization: str,
    framework: str | None = None,
    progress: Callable[[int, str], None] = lambda percent, step: None,
) -> dict[str, Any]:
    """Write the ZIP of ``rows`` to ``out``; returns the manifest it holds."""
    emails = _emails(rows)
    reviews = reviews_of(rows)
    now = utcnow()
    entries = []
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for index, row in enumerate(rows):
            entry = _entry(row, catalogue, framework, emails, reviews.get(row.id, []), now)
            if row.kind == "file" and row.sha256:
                path = f"files/{row.control_id}/{row.public_id}-{safe_filename(row.filename)}"
                source = store.path_of(row.sha256)
                if source.is_file():
                    with source.open("rb") as handle, archive.open(path, "w") as target:
                        while chunk := handle.read(CHUNK):
                            target.write(chunk)
                    entry["path"] = path
                else:
                    entry["missing"] = True
            entries.append(entry)
            progress(int(90 * (index + 1) / max(1, len(rows))), f"{index + 1} of {len(rows)}")
        manifest = {
            "organization": organization,
            "framework": catalogue.framework(framework).id if framework else None,
            "generated_at": _stamp(now),
            "evidence": entries,
        }
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
    return manifest


def _emails(rows: Sequence[Evidence]) -> dict[int, str]:
    ids = {row.collected_by_id for row in rows} | {row.reviewed_by_id for row in rows}
    ids.discard(None)
    return {user.id: user.email for user in User.select().where(User.id.in_(sorted(ids)))}


def _entry(row, catalogue, framework, emails, reviews, now) -> dict[str, Any]:
    current = row.effective_from <= now and (
        row.effective_until is None or row.effective_until > now
    )
    entry: dict[str, Any] = {
        "id": row.public_id,
        "kind": row.kind,
        "title": row.title,
        "description": row.description,
        "control": row.control_id,
        "control_name": catalogue.controls[row.control_id].name
        if row.control_id in catalogue.controls
        else None,
        "requirements": _requirements(catalogue, row.control_id, framework),
        "collected_at": _stamp(row.collected_at),
        "collected_by": emails.get(row.collected_by_id),
        "effective_from": _stamp(row.effective_from),
        "effective_until": _stamp(row.effective_until),
        "current": current,
        "review_status": row.review_status,
        "reviewed_by": emails.get(row.reviewed_by_id),
        "reviewed_at": _stamp(row.reviewed_at),
        "review_comment": row.review_comment,
        "review_history": [
            {
                "decision": item.decision,
                "reviewer": item.reviewer_email,
                "comment": item.comment,
                "decided_at": _stamp(item.decided_at),
            }
            for item in reviews
        ],
    }
    if row.kind == "file":
        entry.update(
            sha256=row.sha256, size=row.size, filename=row.filename, media_type=row.media_type
        )
    elif row.kind == "link":
        entry["url"] = row.url
    elif row.kind == "note":
        entry["note"] = row.note
    elif row.kind == "scan":
        entry["details"] = row.details
    return entry
