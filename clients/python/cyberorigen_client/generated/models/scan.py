from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scan_status import ScanStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Scan")



@_attrs_define
class Scan:
    """ 
        Attributes:
            id (str | Unset):  Example: scan_abc123.
            target (str | Unset):  Example: example.com.
            scan_type (str | Unset):  Example: full.
            frameworks (list[str] | Unset):  Example: ['soc2', 'pci-dss'].
            status (ScanStatus | Unset):
            progress (int | Unset): 0-100
            vulnerabilities_found (int | Unset):
            created_at (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            started_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
            finished_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
            current_step (None | str | Unset):  Example: http: GET /.
            error (None | str | Unset): Why it failed, or which scanners had errors.
     """

    id: str | Unset = UNSET
    target: str | Unset = UNSET
    scan_type: str | Unset = UNSET
    frameworks: list[str] | Unset = UNSET
    status: ScanStatus | Unset = UNSET
    progress: int | Unset = UNSET
    vulnerabilities_found: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    current_step: None | str | Unset = UNSET
    error: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
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

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        target = d.pop("target", UNSET)

        scan_type = d.pop("scan_type", UNSET)

        frameworks = cast(list[str], d.pop("frameworks", UNSET))


        _status = d.pop("status", UNSET)
        status: ScanStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ScanStatus(_status)




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


        scan = cls(
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
        )

        return scan

