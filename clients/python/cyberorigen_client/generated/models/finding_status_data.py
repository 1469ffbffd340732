from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FindingStatusData")



@_attrs_define
class FindingStatusData:
    """ 
        Attributes:
            finding_id (str | Unset):
            target (str | Unset):
            check_id (str | Unset):
            severity (str | Unset):
            from_ (str | Unset): The old status.
            to (str | Unset): The new status.
            reason (None | str | Unset):
            changed_by (str | Unset): A user's e-mail or a scan id.
     """

    finding_id: str | Unset = UNSET
    target: str | Unset = UNSET
    check_id: str | Unset = UNSET
    severity: str | Unset = UNSET
    from_: str | Unset = UNSET
    to: str | Unset = UNSET
    reason: None | str | Unset = UNSET
    changed_by: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        finding_id = self.finding_id

        target = self.target

        check_id = self.check_id

        severity = self.severity

        from_ = self.from_

        to = self.to

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        changed_by = self.changed_by


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if finding_id is not UNSET:
            field_dict["finding_id"] = finding_id
        if target is not UNSET:
            field_dict["target"] = target
        if check_id is not UNSET:
            field_dict["check_id"] = check_id
        if severity is not UNSET:
            field_dict["severity"] = severity
        if from_ is not UNSET:
            field_dict["from"] = from_
        if to is not UNSET:
            field_dict["to"] = to
        if reason is not UNSET:
            field_dict["reason"] = reason
        if changed_by is not UNSET:
            field_dict["changed_by"] = changed_by

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        finding_id = d.pop("finding_id", UNSET)

        target = d.pop("target", UNSET)

        check_id = d.pop("check_id", UNSET)

        severity = d.pop("severity", UNSET)

        from_ = d.pop("from", UNSET)

        to = d.pop("to", UNSET)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        changed_by = d.pop("changed_by", UNSET)

        finding_status_data = cls(
            finding_id=finding_id,
            target=target,
            check_id=check_id,
            severity=severity,
            from_=from_,
            to=to,
            reason=reason,
            changed_by=changed_by,
        )

        return finding_status_data

