from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ReportControl")



@_attrs_define
class ReportControl:
    """ 
        Attributes:
            id (str | Unset):
            name (str | Unset):
            status (str | Unset):
            relationship (str | Unset):
            coverage (str | Unset):
            reason (str | Unset):
     """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    status: str | Unset = UNSET
    relationship: str | Unset = UNSET
    coverage: str | Unset = UNSET
    reason: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        status = self.status

        relationship = self.relationship

        coverage = self.coverage

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
        if relationship is not UNSET:
            field_dict["relationship"] = relationship
        if coverage is not UNSET:
            field_dict["coverage"] = coverage
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        status = d.pop("status", UNSET)

        relationship = d.pop("relationship", UNSET)

        coverage = d.pop("coverage", UNSET)

        reason = d.pop("reason", UNSET)

        report_control = cls(
            id=id,
            name=name,
            status=status,
            relationship=relationship,
            coverage=coverage,
            reason=reason,
        )

        return report_control

