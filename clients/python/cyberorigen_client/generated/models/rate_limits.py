from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RateLimits")



@_attrs_define
class RateLimits:
    """ 
        Attributes:
            hourly (int | None | Unset): null: unlimited
            daily (int | None | Unset): null: unlimited
     """

    hourly: int | None | Unset = UNSET
    daily: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        hourly: int | None | Unset
        if isinstance(self.hourly, Unset):
            hourly = UNSET
        else:
            hourly = self.hourly

        daily: int | None | Unset
        if isinstance(self.daily, Unset):
            daily = UNSET
        else:
            daily = self.daily


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if hourly is not UNSET:
            field_dict["hourly"] = hourly
        if daily is not UNSET:
            field_dict["daily"] = daily

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_hourly(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hourly = _parse_hourly(d.pop("hourly", UNSET))


        def _parse_daily(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        daily = _parse_daily(d.pop("daily", UNSET))


        rate_limits = cls(
            hourly=hourly,
            daily=daily,
        )

        return rate_limits

