from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ScheduleUpdate")



@_attrs_define
class ScheduleUpdate:
    """ 
        Attributes:
            cron (None | str | Unset): Cron expression, UTC (e.g. '0 3 * * 1' for Mondays 03:00).
            interval_seconds (int | None | Unset): Or: every this many seconds (at least 300).
            enabled (bool | Unset):
     """

    cron: None | str | Unset = UNSET
    interval_seconds: int | None | Unset = UNSET
    enabled: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
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


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if cron is not UNSET:
            field_dict["cron"] = cron
        if interval_seconds is not UNSET:
            field_dict["interval_seconds"] = interval_seconds
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
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

        schedule_update = cls(
            cron=cron,
            interval_seconds=interval_seconds,
            enabled=enabled,
        )

        return schedule_update

