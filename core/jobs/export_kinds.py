"""What can be exported in the background, each kind a producer of one file
(``services.export_jobs``): given the job (its organization and checked ``params``), the
file to write and a progress callback, it writes the file and returns its name and media
type. The API checks each kind's params before the job is recorded (``api/exports``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import IO, TYPE_CHECKING

from cyberorigen.compliance.evidence import EvidenceStore
from cyberorigen.compliance.evidence_bundle import bundle_rows, write_bundle
from cyberorigen.db.models import ExportJob, Organization
from cyberorigen.reports.documents import (
    executive_summary_document,
    framework_report_document,
    statement_of_applicability_document,
)
from cyberorigen.services.export_jobs import KINDS, Producer, Progress

if TYPE_CHECKING:
    from cyberorigen.appliance import Appliance


def _evidence_bundle(appliance: Appliance, job: ExportJob, out: IO[bytes], progress: Progress):
    params = job.params
    organization = Organization.get_by_id(job.organization_id)
    progress(0, "selecting the evidence")
    rows = bundle_rows(
        job.organization_id,
        appliance.catalogue,
        params.get("framework"),
        params.get("controls") or (),
        params.get("include", "accepted"),
    )
    write_bundle(
        out,
        rows,
        appliance.catalogue,
        EvidenceStore(appliance.settings.instance_dir / "evidence"),
        organization.name,
        params.get("framework"),
        progress,
    )
    day = job.created_at.strftime("%Y-%m-%d")
    scope = params.get("framework") or "all-controls"
    return f"evidence-{scope}-{day}.zip", "application/zip"


def _written(document, out: IO[bytes], progress: Progress) -> tuple[str, str]:
    progress(90, "writing the file")
    out.write(document.body)
    return document.filename, document.media_type.split(";")[0]


def _framework_report(appliance: Appliance, job: ExportJob, out: IO[bytes], progress: Progress):
    progress(5, "gathering the report")
    framework = appliance.catalogue.framework(job.params["framework"])
    document = framework_report_document(
        job.organization_id,
        appliance.catalogue,
        framework,
        job.params.get("format", "pdf"),
        job.created_by_id,
    )
    return _written(document, out, progress)


def _executive_summary(appliance: Appliance, job: ExportJob, out: IO[bytes], progress: Progress):
    progress(5, "gathering the frameworks")
    document = executive_summary_document(
        job.organization_id,
        appliance.catalogue,
        job.params.get("frameworks") or None,
        job.params.get("format", "pdf"),
        job.created_by_id,
    )
    return _written(document, out, progress)


def _statement(appliance: Appliance, job: ExportJob, out: IO[bytes], progress: Progress):
    progress(5, "gathering Annex A")
    framework = appliance.catalogue.framework(job.params.get("framework") or "iso27001")
    document = statement_of_applicability_document(
        job.organization_id,
        appliance.catalogue,
        framework,
        job.params.get("format", "pdf"),
        job.created_by_id,
    )
    return _written(document, out, progress)


_KINDS = {
    "evidence_bundle": _evidence_bundle,
    "framework_report": _framework_report,
    "executive_summary": _executive_summary,
    "statement_of_applicability": _statement,
}
assert tuple(_KINDS) == KINDS, "every kind of export has its producer"


def export_producers(appliance: Appliance) -> Mapping[str, Producer]:
    """Each kind's producer, bound to ``appliance``."""
    return {
        kind: (lambda job, out, progress, make=make: make(appliance, job, out, progress))
        for kind, make in _KINDS.items()
    }
