from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.finding_severity import FindingSeverity
from ..models.finding_status import FindingStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.finding_evidence import FindingEvidence





T = TypeVar("T", bound="Finding")



@_attrs_define
class Finding:
    """ 
        Attributes:
            id (str | Unset):  Example: fnd_2b7c9d1e0f3a4b5c.
            target (str | Unset):
            check_id (str | Unset):  Example: http.hsts_missing.
            scanner (str | Unset):
            title (str | Unset):
            severity (FindingSeverity | Unset):
            location (str | Unset):
            evidence (FindingEvidence | Unset):
            remediation (str | Unset):
            references (list[str] | Unset):
            cvss_vector (None | str | Unset):
            fingerprint (str | Unset):
            status (FindingStatus | Unset):
            status_reason (None | str | Unset):
            accepted_until (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
            first_seen (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            last_seen (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            asset_id (str | Unset): The host it is about (GET /assets/{id}).
            service_id (str | Unset): The service on that host, when known.
     """

    id: str | Unset = UNSET
    target: str | Unset = UNSET
    check_id: str | Unset = UNSET
    scanner: str | Unset = UNSET
    title: str | Unset = UNSET
    severity: FindingSeverity | Unset = UNSET
    location: str | Unset = UNSET
    evidence: FindingEvidence | Unset = UNSET
    remediation: str | Unset = UNSET
    references: list[str] | Unset = UNSET
    cvss_vector: None | str | Unset = UNSET
    fingerprint: str | Unset = UNSET
    status: FindingStatus | Unset = UNSET
    status_reason: None | str | Unset = UNSET
    accepted_until: datetime.datetime | None | Unset = UNSET
    first_seen: datetime.datetime | Unset = UNSET
    last_seen: datetime.datetime | Unset = UNSET
    asset_id: str | Unset = UNSET
    service_id: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.finding_evidence import FindingEvidence # noqa: PLC0415
        id = self.id

        target = self.target

        check_id = self.check_id

        scanner = self.scanner

        title = self.title

        severity: str | Unset = UNSET
        if not isinstance(self.severity, Unset):
            severity = self.severity.value


        location = self.location

        evidence: dict[str, Any] | Unset = UNSET
        if not isinstance(self.evidence, Unset):
            evidence = self.evidence.to_dict()

        remediation = self.remediation

        references: list[str] | Unset = UNSET
        if not isinstance(self.references, Unset):
            references = self.references



        cvss_vector: None | str | Unset
        if isinstance(self.cvss_vector, Unset):
            cvss_vector = UNSET
        else:
            cvss_vector = self.cvss_vector

        fingerprint = self.fingerprint

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        status_reason: None | str | Unset
        if isinstance(self.status_reason, Unset):
            status_reason = UNSET
        else:
            status_reason = self.status_reason

        accepted_until: None | str | Unset
        if isinstance(self.accepted_until, Unset):
            accepted_until = UNSET
        elif isinstance(self.accepted_until, datetime.datetime):
            accepted_until = self.accepted_until.isoformat()
        else:
            accepted_until = self.accepted_until

        first_seen: str | Unset = UNSET
        if not isinstance(self.first_seen, Unset):
            first_seen = self.first_seen.isoformat()

        last_seen: str | Unset = UNSET
        if not isinstance(self.last_seen, Unset):
            last_seen = self.last_seen.isoformat()

        asset_id = self.asset_id

        service_id = self.service_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if target is not UNSET:
            field_dict["target"] = target
        if check_id is not UNSET:
            field_dict["check_id"] = check_id
        if scanner is not UNSET:
            field_dict["scanner"] = scanner
        if title is not UNSET:
            field_dict["title"] = title
        if severity is not UNSET:
            field_dict["severity"] = severity
        if location is not UNSET:
            field_dict["location"] = location
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if remediation is not UNSET:
            field_dict["remediation"] = remediation
        if references is not UNSET:
            field_dict["references"] = references
        if cvss_vector is not UNSET:
            field_dict["cvss_vector"] = cvss_vector
        if fingerprint is not UNSET:
            field_dict["fingerprint"] = fingerprint
        if status is not UNSET:
            field_dict["status"] = status
        if status_reason is not UNSET:
            field_dict["status_reason"] = status_reason
        if accepted_until is not UNSET:
            field_dict["accepted_until"] = accepted_until
        if first_seen is not UNSET:
            field_dict["first_seen"] = first_seen
        if last_seen is not UNSET:
            field_dict["last_seen"] = last_seen
        if asset_id is not UNSET:
            field_dict["asset_id"] = asset_id
        if service_id is not UNSET:
            field_dict["service_id"] = service_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.finding_evidence import FindingEvidence # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        target = d.pop("target", UNSET)

        check_id = d.pop("check_id", UNSET)

        scanner = d.pop("scanner", UNSET)

        title = d.pop("title", UNSET)

        _severity = d.pop("severity", UNSET)
        severity: FindingSeverity | Unset
        if isinstance(_severity,  Unset):
            severity = UNSET
        else:
            severity = FindingSeverity(_severity)




        location = d.pop("location", UNSET)

        _evidence = d.pop("evidence", UNSET)
        evidence: FindingEvidence | Unset
        if isinstance(_evidence,  Unset):
            evidence = UNSET
        else:
            evidence = FindingEvidence.from_dict(_evidence)




        remediation = d.pop("remediation", UNSET)

        references = cast(list[str], d.pop("references", UNSET))


        def _parse_cvss_vector(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cvss_vector = _parse_cvss_vector(d.pop("cvss_vector", UNSET))


        fingerprint = d.pop("fingerprint", UNSET)

        _status = d.pop("status", UNSET)
        status: FindingStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = FindingStatus(_status)




        def _parse_status_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status_reason = _parse_status_reason(d.pop("status_reason", UNSET))


        def _parse_accepted_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_until_type_0 = datetime.datetime.fromisoformat(data)



                return accepted_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        accepted_until = _parse_accepted_until(d.pop("accepted_until", UNSET))


        _first_seen = d.pop("first_seen", UNSET)
        first_seen: datetime.datetime | Unset
        if isinstance(_first_seen,  Unset):
            first_seen = UNSET
        else:
            first_seen = datetime.datetime.fromisoformat(_first_seen)




        _last_seen = d.pop("last_seen", UNSET)
        last_seen: datetime.datetime | Unset
        if isinstance(_last_seen,  Unset):
            last_seen = UNSET
        else:
            last_seen = datetime.datetime.fromisoformat(_last_seen)




        asset_id = d.pop("asset_id", UNSET)

        service_id = d.pop("service_id", UNSET)

        finding = cls(
            id=id,
            target=target,
            check_id=check_id,
            scanner=scanner,
            title=title,
            severity=severity,
            location=location,
            evidence=evidence,
            remediation=remediation,
            references=references,
            cvss_vector=cvss_vector,
            fingerprint=fingerprint,
            status=status,
            status_reason=status_reason,
            accepted_until=accepted_until,
            first_seen=first_seen,
            last_seen=last_seen,
            asset_id=asset_id,
            service_id=service_id,
        )

        return finding

