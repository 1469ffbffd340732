from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scanner_run_status import ScannerRunStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.scanner_run_not_examined import ScannerRunNotExamined





T = TypeVar("T", bound="ScannerRun")



@_attrs_define
class ScannerRun:
    """ 
        Attributes:
            scanner (str | Unset):  Example: http.
            target (str | Unset): What this run examined: a host, URL or host:port of the scan's target, or a service
                discovery found there. Example: 10.0.0.12:8443.
            service (None | str | Unset): The protocol of the discovered service it examined, or null when it examined the
                target itself. Example: https.
            status (ScannerRunStatus | Unset):
            error (None | str | Unset):
            findings_count (int | Unset):
            observed (list[str] | Unset): What the scanner saw of the target, as it reported it (the first 20). A scanner
                that ends with no finding and nothing observed is failed (observed nothing): its checks count neither as passed
                nor as failed. Example: ['GET https://example.com/ answered 200'].
            not_examined (ScannerRunNotExamined | Unset): Its checks it did not examine on this target, with why (they do
                not apply): they count neither as passed nor as failed. Example: {'dns.spf_missing': 'example.com is not a mail
                domain'}.
            started_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
            finished_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
     """

    scanner: str | Unset = UNSET
    target: str | Unset = UNSET
    service: None | str | Unset = UNSET
    status: ScannerRunStatus | Unset = UNSET
    error: None | str | Unset = UNSET
    findings_count: int | Unset = UNSET
    observed: list[str] | Unset = UNSET
    not_examined: ScannerRunNotExamined | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.scanner_run_not_examined import ScannerRunNotExamined # noqa: PLC0415
        scanner = self.scanner

        target = self.target

        service: None | str | Unset
        if isinstance(self.service, Unset):
            service = UNSET
        else:
            service = self.service

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        findings_count = self.findings_count

        observed: list[str] | Unset = UNSET
        if not isinstance(self.observed, Unset):
            observed = self.observed



        not_examined: dict[str, Any] | Unset = UNSET
        if not isinstance(self.not_examined, Unset):
            not_examined = self.not_examined.to_dict()

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


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if scanner is not UNSET:
            field_dict["scanner"] = scanner
        if target is not UNSET:
            field_dict["target"] = target
        if service is not UNSET:
            field_dict["service"] = service
        if status is not UNSET:
            field_dict["status"] = status
        if error is not UNSET:
            field_dict["error"] = error
        if findings_count is not UNSET:
            field_dict["findings_count"] = findings_count
        if observed is not UNSET:
            field_dict["observed"] = observed
        if not_examined is not UNSET:
            field_dict["not_examined"] = not_examined
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scanner_run_not_examined import ScannerRunNotExamined # noqa: PLC0415
        d = dict(src_dict)
        scanner = d.pop("scanner", UNSET)

        target = d.pop("target", UNSET)

        def _parse_service(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service = _parse_service(d.pop("service", UNSET))


        _status = d.pop("status", UNSET)
        status: ScannerRunStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ScannerRunStatus(_status)




        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        findings_count = d.pop("findings_count", UNSET)

        observed = cast(list[str], d.pop("observed", UNSET))


        _not_examined = d.pop("not_examined", UNSET)
        not_examined: ScannerRunNotExamined | Unset
        if isinstance(_not_examined,  Unset):
            not_examined = UNSET
        else:
            not_examined = ScannerRunNotExamined.from_dict(_not_examined)




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


        scanner_run = cls(
            scanner=scanner,
            target=target,
            service=service,
            status=status,
            error=error,
            findings_count=findings_count,
            observed=observed,
            not_examined=not_examined,
            started_at=started_at,
            finished_at=finished_at,
        )

        return scanner_run

