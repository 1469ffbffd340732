from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="History")



@_attrs_define
class History:
    """ 
        Attributes:
            from_status (None | str | Unset):
            to_status (str | Unset):
            reason (str | Unset):
            cause (str | Unset): scan, evidence, review (of evidence), override, edit or assessment (time passing).
            changed_by (None | str | Unset):
            changed_at (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
     """

    from_status: None | str | Unset = UNSET
    to_status: str | Unset = UNSET
    reason: str | Unset = UNSET
    cause: str | Unset = UNSET
    changed_by: None | str | Unset = UNSET
    changed_at: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from_status: None | str | Unset
        if isinstance(self.from_status, Unset):
            from_status = UNSET
        else:
            from_status = self.from_status

        to_status = self.to_status

        reason = self.reason

        cause = self.cause

        changed_by: None | str | Unset
        if isinstance(self.changed_by, Unset):
            changed_by = UNSET
        else:
            changed_by = self.changed_by

        changed_at: str | Unset = UNSET
        if not isinstance(self.changed_at, Unset):
            changed_at = self.changed_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if from_status is not UNSET:
            field_dict["from_status"] = from_status
        if to_status is not UNSET:
            field_dict["to_status"] = to_status
        if reason is not UNSET:
            field_dict["reason"] = reason
        if cause is not UNSET:
            field_dict["cause"] = cause
        if changed_by is not UNSET:
            field_dict["changed_by"] = changed_by
        if changed_at is not UNSET:
            field_dict["changed_at"] = changed_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_from_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_status = _parse_from_status(d.pop("from_status", UNSET))


        to_status = d.pop("to_status", UNSET)

        reason = d.pop("reason", UNSET)

        cause = d.pop("cause", UNSET)

        def _parse_changed_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        changed_by = _parse_changed_by(d.pop("changed_by", UNSET))


        _changed_at = d.pop("changed_at", UNSET)
        changed_at: datetime.datetime | Unset
        if isinstance(_changed_at,  Unset):
            changed_at = UNSET
        else:
            changed_at = datetime.datetime.fromisoformat(_changed_at)




        history = cls(
            from_status=from_status,
            to_status=to_status,
            reason=reason,
            cause=cause,
            changed_by=changed_by,
            changed_at=changed_at,
        )

        return history

