from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.override_status import OverrideStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Override")



@_attrs_define
class Override:
    """ 
        Attributes:
            status (OverrideStatus):
            reason (str):
            set_by (None | str | Unset):
            set_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
     """

    status: OverrideStatus
    reason: str
    set_by: None | str | Unset = UNSET
    set_at: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        reason = self.reason

        set_by: None | str | Unset
        if isinstance(self.set_by, Unset):
            set_by = UNSET
        else:
            set_by = self.set_by

        set_at: None | str | Unset
        if isinstance(self.set_at, Unset):
            set_at = UNSET
        elif isinstance(self.set_at, datetime.datetime):
            set_at = self.set_at.isoformat()
        else:
            set_at = self.set_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
            "reason": reason,
        })
        if set_by is not UNSET:
            field_dict["set_by"] = set_by
        if set_at is not UNSET:
            field_dict["set_at"] = set_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = OverrideStatus(d.pop("status"))




        reason = d.pop("reason")

        def _parse_set_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        set_by = _parse_set_by(d.pop("set_by", UNSET))


        def _parse_set_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                set_at_type_0 = datetime.datetime.fromisoformat(data)



                return set_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        set_at = _parse_set_at(d.pop("set_at", UNSET))


        override = cls(
            status=status,
            reason=reason,
            set_by=set_by,
            set_at=set_at,
        )

        return override

