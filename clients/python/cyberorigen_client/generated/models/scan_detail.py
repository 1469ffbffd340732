from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scan_detail_status import ScanDetailStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.scan_detail_compliance_type_0 import ScanDetailComplianceType0
  from ..models.scan_detail_coverage import ScanDetailCoverage
  from ..models.scan_options import ScanOptions
  from ..models.scan_part import ScanPart
  from ..models.scanner_run import ScannerRun





T = TypeVar("T", bound="ScanDetail")



@_attrs_define
class ScanDetail:
    """ 
        Attributes:
            id (str | Unset):  Example: scan_abc123.
            target (str | Unset):  Example: example.com.
            scan_type (str | Unset):  Example: full.
            frameworks (list[str] | Unset):  Example: ['soc2', 'pci-dss'].
            status (ScanDetailStatus | Unset):
            progress (int | Unset): 0-100
            vulnerabilities_found (int | Unset):
            created_at (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            started_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
            finished_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
            current_step (None | str | Unset):  Example: http: GET /.
            error (None | str | Unset): Why it failed, or which scanners had errors.
            options (ScanOptions | Unset): Options per scanner, by the scanner's name; each scanner's own schema fills in
                its defaults, and a scan's profile may give some of them.
            parts (list[ScanPart] | Unset): A scan of more hosts than scans.hosts_per_job is shared by the workers in parts
                (batches of hosts, one job each): which ran each. Empty for a scan run by one job.
            compliance (None | ScanDetailComplianceType0 | Unset): Per framework the scan named (by framework id):
                requirements its checks touched, passed and failed, with the findings behind each failure; the framework's
                checks the scan examined, and those it could not (no run of their scanner completed: they credit nothing). Null
                until the scan completes, or when it named no framework. Example: {'soc2-2017': {'requested_as': 'soc2',
                'framework': 'SOC 2', 'version': '2017', 'requirements_touched': 6, 'passed': 5, 'failed': 1, 'checks_examined':
                14, 'checks_inconclusive': 3, 'failed_requirements': [{'id': 'CC6.7', 'findings': ['fnd_9c2e']}]}}.
            scanners (list[ScannerRun] | Unset): Each scanner run: one per host (or URL, or host:port) of the target, and
                for the service scanners one per service discovery found there.
            coverage (ScanDetailCoverage | Unset): How much was examined: hosts (units of the target), services discovery
                found, service runs that completed, runs that were inconclusive (failed, timed out, skipped or cancelled: they
                credit no check), and the outcomes of every check on every run (GET /api/v1/scans/{id}/checks lists them with
                why). Example: {'targets': 14, 'services_found': 9, 'services_examined': 8, 'runs_inconclusive': 1,
                'checks_passed': 140, 'checks_failed': 12, 'checks_inconclusive': 31}.
     """

    id: str | Unset = UNSET
    target: str | Unset = UNSET
    scan_type: str | Unset = UNSET
    frameworks: list[str] | Unset = UNSET
    status: ScanDetailStatus | Unset = UNSET
    progress: int | Unset = UNSET
    vulnerabilities_found: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    current_step: None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    options: ScanOptions | Unset = UNSET
    parts: list[ScanPart] | Unset = UNSET
    compliance: None | ScanDetailComplianceType0 | Unset = UNSET
    scanners: list[ScannerRun] | Unset = UNSET
    coverage: ScanDetailCoverage | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.scan_detail_compliance_type_0 import ScanDetailComplianceType0 # noqa: PLC0415
        from ..models.scan_detail_coverage import ScanDetailCoverage # noqa: PLC0415
        from ..models.scan_options import ScanOptions # noqa: PLC0415
        from ..models.scan_part import ScanPart # noqa: PLC0415
        from ..models.scanner_run import ScannerRun # noqa: PLC0415
        id = self.id

        target = self.target

        scan_type = self.scan_type

        frameworks: list[str] | Unset = UNSET
        if not isinstance(self.frameworks, Unset):
            frameworks = self.frameworks



        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        progress = self.progress

        vulnerabilities_found = self.vulnerabilities_found

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        current_step: None | str | Unset
        if isinstance(self.current_step, Unset):
            current_step = UNSET
        else:
            current_step = self.current_step

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        parts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.parts, Unset):
            parts = []
            for parts_item_data in self.parts:
                parts_item = parts_item_data.to_dict()
                parts.append(parts_item)



        compliance: dict[str, Any] | None | Unset
        if isinstance(self.compliance, Unset):
            compliance = UNSET
        elif isinstance(self.compliance, ScanDetailComplianceType0):
            compliance = self.compliance.to_dict()
        else:
            compliance = self.compliance

        scanners: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.scanners, Unset):
            scanners = []
            for scanners_item_data in self.scanners:
                scanners_item = scanners_item_data.to_dict()
                scanners.append(scanners_item)



        coverage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.coverage, Unset):
            coverage = self.coverage.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if target is not UNSET:
            field_dict["target"] = target
        if scan_type is not UNSET:
            field_dict["scan_type"] = scan_type
        if frameworks is not UNSET:
            field_dict["frameworks"] = frameworks
        if status is not UNSET:
            field_dict["status"] = status
        if progress is not UNSET:
            field_dict["progress"] = progress
        if vulnerabilities_found is not UNSET:
            field_dict["vulnerabilities_found"] = vulnerabilities_found
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if current_step is not UNSET:
            field_dict["current_step"] = current_step
        if error is not UNSET:
            field_dict["error"] = error
        if options is not UNSET:
            field_dict["options"] = options
        if parts is not UNSET:
            field_dict["parts"] = parts
        if compliance is not UNSET:
            field_dict["compliance"] = compliance
        if scanners is not UNSET:
            field_dict["scanners"] = scanners
        if coverage is not UNSET:
            field_dict["coverage"] = coverage

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scan_detail_compliance_type_0 import ScanDetailComplianceType0 # noqa: PLC0415
        from ..models.scan_detail_coverage import ScanDetailCoverage # noqa: PLC0415
        from ..models.scan_options import ScanOptions # noqa: PLC0415
        from ..models.scan_part import ScanPart # noqa: PLC0415
        from ..models.scanner_run import ScannerRun # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        target = d.pop("target", UNSET)

        scan_type = d.pop("scan_type", UNSET)

        frameworks = cast(list[str], d.pop("frameworks", UNSET))


        _status = d.pop("status", UNSET)
        status: ScanDetailStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ScanDetailStatus(_status)




        progress = d.pop("progress", UNSET)

        vulnerabilities_found = d.pop("vulnerabilities_found", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)



                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))


        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))


        def _parse_current_step(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_step = _parse_current_step(d.pop("current_step", UNSET))


        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        _options = d.pop("options", UNSET)
        options: ScanOptions | Unset
        if isinstance(_options,  Unset):
            options = UNSET
        else:
            options = ScanOptions.from_dict(_options)




        _parts = d.pop("parts", UNSET)
        parts: list[ScanPart] | Unset = UNSET
        if _parts is not UNSET:
            parts = []
            for parts_item_data in _parts:
                parts_item = ScanPart.from_dict(parts_item_data)



                parts.append(parts_item)


        def _parse_compliance(data: object) -> None | ScanDetailComplianceType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                compliance_type_0 = ScanDetailComplianceType0.from_dict(data)



                return compliance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScanDetailComplianceType0 | Unset, data)

        compliance = _parse_compliance(d.pop("compliance", UNSET))


        _scanners = d.pop("scanners", UNSET)
        scanners: list[ScannerRun] | Unset = UNSET
        if _scanners is not UNSET:
            scanners = []
            for scanners_item_data in _scanners:
                scanners_item = ScannerRun.from_dict(scanners_item_data)



                scanners.append(scanners_item)


        _coverage = d.pop("coverage", UNSET)
        coverage: ScanDetailCoverage | Unset
        if isinstance(_coverage,  Unset):
            coverage = UNSET
        else:
            coverage = ScanDetailCoverage.from_dict(_coverage)




        scan_detail = cls(
            id=id,
            target=target,
            scan_type=scan_type,
            frameworks=frameworks,
            status=status,
            progress=progress,
            vulnerabilities_found=vulnerabilities_found,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            current_step=current_step,
            error=error,
            options=options,
            parts=parts,
            compliance=compliance,
            scanners=scanners,
            coverage=coverage,
        )

        return scan_detail

