from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.finding_status_update_status import FindingStatusUpdateStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="FindingStatusUpdate")



@_attrs_define
class FindingStatusUpdate:
    """ 
        Attributes:
            status (FindingStatusUpdateStatus):
            reason (str | Unset): Required for accepted_risk and false_positive.
            accepted_until (datetime.datetime | None | Unset): When an accepted risk must be looked at again. Example:
                2025-12-21T10:00:00Z.
     """

    status: FindingStatusUpdateStatus
    reason: str | Unset = UNSET
    accepted_until: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        reason = self.reason

        accepted_until: None | str | Unset
        if isinstance(self.accepted_until, Unset):
            accepted_until = UNSET
        elif isinstance(self.accepted_until, datetime.datetime):
            accepted_until = self.accepted_until.isoformat()
        else:
            accepted_until = self.accepted_until


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "status": status,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason
        if accepted_until is not UNSET:
            field_dict["accepted_until"] = accepted_until

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = FindingStatusUpdateStatus(d.pop("status"))




        reason = d.pop("reason", UNSET)

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


        finding_status_update = cls(
            status=status,
            reason=reason,
            accepted_until=accepted_until,
        )

        return finding_status_update

