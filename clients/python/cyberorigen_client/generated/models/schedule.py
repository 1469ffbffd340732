from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.scan_options import ScanOptions





T = TypeVar("T", bound="Schedule")



@_attrs_define
class Schedule:
    """ 
        Attributes:
            id (str | Unset):  Example: sch_0a1b2c3d4e5f6a7b.
            target (str | Unset):
            scan_type (str | Unset):
            frameworks (list[str] | Unset):
            options (ScanOptions | Unset): Options per scanner, by the scanner's name; each scanner's own schema fills in
                its defaults, and a scan's profile may give some of them.
            cron (None | str | Unset): Cron expression, UTC (e.g. '0 3 * * 1' for Mondays 03:00).
            interval_seconds (int | None | Unset): Or: every this many seconds (at least 300).
            enabled (bool | Unset):
            next_run_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
            last_run_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
            last_scan_id (None | str | Unset):
            last_error (None | str | Unset): Why the last run did not start a scan.
            created_at (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
     """

    id: str | Unset = UNSET
    target: str | Unset = UNSET
    scan_type: str | Unset = UNSET
    frameworks: list[str] | Unset = UNSET
    options: ScanOptions | Unset = UNSET
    cron: None | str | Unset = UNSET
    interval_seconds: int | None | Unset = UNSET
    enabled: bool | Unset = UNSET
    next_run_at: datetime.datetime | None | Unset = UNSET
    last_run_at: datetime.datetime | None | Unset = UNSET
    last_scan_id: None | str | Unset = UNSET
    last_error: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.scan_options import ScanOptions # noqa: PLC0415
        id = self.id

        target = self.target

        scan_type = self.scan_type

        frameworks: list[str] | Unset = UNSET
        if not isinstance(self.frameworks, Unset):
            frameworks = self.frameworks



        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        cron: None | str | Unset
        if isinstance(self.cron, Unset):
            cron = UNSET
        else:
            cron = self.cron

        interval_seconds: int | None | Unset
        if isinstance(self.interval_seconds, Unset):
            interval_seconds = UNSET
        else:
            interval_seconds = self.interval_seconds

        enabled = self.enabled

        next_run_at: None | str | Unset
        if isinstance(self.next_run_at, Unset):
            next_run_at = UNSET
        elif isinstance(self.next_run_at, datetime.datetime):
            next_run_at = self.next_run_at.isoformat()
        else:
            next_run_at = self.next_run_at

        last_run_at: None | str | Unset
        if isinstance(self.last_run_at, Unset):
            last_run_at = UNSET
        elif isinstance(self.last_run_at, datetime.datetime):
            last_run_at = self.last_run_at.isoformat()
        else:
            last_run_at = self.last_run_at

        last_scan_id: None | str | Unset
        if isinstance(self.last_scan_id, Unset):
            last_scan_id = UNSET
        else:
            last_scan_id = self.last_scan_id

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()


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
        if options is not UNSET:
            field_dict["options"] = options
        if cron is not UNSET:
            field_dict["cron"] = cron
        if interval_seconds is not UNSET:
            field_dict["interval_seconds"] = interval_seconds
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if next_run_at is not UNSET:
            field_dict["next_run_at"] = next_run_at
        if last_run_at is not UNSET:
            field_dict["last_run_at"] = last_run_at
        if last_scan_id is not UNSET:
            field_dict["last_scan_id"] = last_scan_id
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scan_options import ScanOptions # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        target = d.pop("target", UNSET)

        scan_type = d.pop("scan_type", UNSET)

        frameworks = cast(list[str], d.pop("frameworks", UNSET))


        _options = d.pop("options", UNSET)
        options: ScanOptions | Unset
        if isinstance(_options,  Unset):
            options = UNSET
        else:
            options = ScanOptions.from_dict(_options)




        def _parse_cron(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cron = _parse_cron(d.pop("cron", UNSET))


        def _parse_interval_seconds(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        interval_seconds = _parse_interval_seconds(d.pop("interval_seconds", UNSET))


        enabled = d.pop("enabled", UNSET)

        def _parse_next_run_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_run_at_type_0 = datetime.datetime.fromisoformat(data)



                return next_run_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_run_at = _parse_next_run_at(d.pop("next_run_at", UNSET))


        def _parse_last_run_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_run_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_run_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        last_run_at = _parse_last_run_at(d.pop("last_run_at", UNSET))


        def _parse_last_scan_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_scan_id = _parse_last_scan_id(d.pop("last_scan_id", UNSET))


        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))


        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        schedule = cls(
            id=id,
            target=target,
            scan_type=scan_type,
            frameworks=frameworks,
            options=options,
            cron=cron,
            interval_seconds=interval_seconds,
            enabled=enabled,
            next_run_at=next_run_at,
            last_run_at=last_run_at,
            last_scan_id=last_scan_id,
            last_error=last_error,
            created_at=created_at,
        )

        return schedule

