from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scan_findings_data_severity import ScanFindingsDataSeverity
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.vulnerability_data import VulnerabilityData





T = TypeVar("T", bound="ScanFindingsData")



@_attrs_define
class ScanFindingsData:
    """ 
        Attributes:
            scan_id (str | Unset):  Example: scan_1f0c9a2b.
            target (str | Unset):  Example: 10.0.0.0/28.
            status (str | Unset):  Example: completed.
            severity (ScanFindingsDataSeverity | Unset): The highest severity among the findings (what min_severity filters
                look at).
            count (int | Unset): How many findings the scan announced.
            truncated (bool | Unset): True when findings lists only the first 500 (by severity).
            findings (list[VulnerabilityData] | Unset): Each as its vulnerability.found event would say it.
     """

    scan_id: str | Unset = UNSET
    target: str | Unset = UNSET
    status: str | Unset = UNSET
    severity: ScanFindingsDataSeverity | Unset = UNSET
    count: int | Unset = UNSET
    truncated: bool | Unset = UNSET
    findings: list[VulnerabilityData] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.vulnerability_data import VulnerabilityData # noqa: PLC0415
        scan_id = self.scan_id

        target = self.target

        status = self.status

        severity: str | Unset = UNSET
        if not isinstance(self.severity, Unset):
            severity = self.severity.value


        count = self.count

        truncated = self.truncated

        findings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.findings, Unset):
            findings = []
            for findings_item_data in self.findings:
                findings_item = findings_item_data.to_dict()
                findings.append(findings_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if scan_id is not UNSET:
            field_dict["scan_id"] = scan_id
        if target is not UNSET:
            field_dict["target"] = target
        if status is not UNSET:
            field_dict["status"] = status
        if severity is not UNSET:
            field_dict["severity"] = severity
        if count is not UNSET:
            field_dict["count"] = count
        if truncated is not UNSET:
            field_dict["truncated"] = truncated
        if findings is not UNSET:
            field_dict["findings"] = findings

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vulnerability_data import VulnerabilityData # noqa: PLC0415
        d = dict(src_dict)
        scan_id = d.pop("scan_id", UNSET)

        target = d.pop("target", UNSET)

        status = d.pop("status", UNSET)

        _severity = d.pop("severity", UNSET)
        severity: ScanFindingsDataSeverity | Unset
        if isinstance(_severity,  Unset):
            severity = UNSET
        else:
            severity = ScanFindingsDataSeverity(_severity)




        count = d.pop("count", UNSET)

        truncated = d.pop("truncated", UNSET)

        _findings = d.pop("findings", UNSET)
        findings: list[VulnerabilityData] | Unset = UNSET
        if _findings is not UNSET:
            findings = []
            for findings_item_data in _findings:
                findings_item = VulnerabilityData.from_dict(findings_item_data)



                findings.append(findings_item)


        scan_findings_data = cls(
            scan_id=scan_id,
            target=target,
            status=status,
            severity=severity,
            count=count,
            truncated=truncated,
            findings=findings,
        )

        return scan_findings_data

