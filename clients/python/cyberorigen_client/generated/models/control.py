from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.control_status import ControlStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Control")



@_attrs_define
class Control:
    """ 
        Attributes:
            id (str | Unset):  Example: ctrl_access_control_policy.
            name (str | Unset):  Example: Access Control Policy.
            status (ControlStatus | Unset):
            frameworks (list[str] | Unset): Display names of the frameworks it maps to. Example: ['SOC 2', 'ISO 27001'].
            evidence_count (int | Unset): Accepted evidence items (not deleted): those that count toward the status. Files,
                links and notes awaiting review are not counted.
     """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    status: ControlStatus | Unset = UNSET
    frameworks: list[str] | Unset = UNSET
    evidence_count: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        frameworks: list[str] | Unset = UNSET
        if not isinstance(self.frameworks, Unset):
            frameworks = self.frameworks



        evidence_count = self.evidence_count


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
        if frameworks is not UNSET:
            field_dict["frameworks"] = frameworks
        if evidence_count is not UNSET:
            field_dict["evidence_count"] = evidence_count

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        _status = d.pop("status", UNSET)
        status: ControlStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ControlStatus(_status)




        frameworks = cast(list[str], d.pop("frameworks", UNSET))


        evidence_count = d.pop("evidence_count", UNSET)

        control = cls(
            id=id,
            name=name,
            status=status,
            frameworks=frameworks,
            evidence_count=evidence_count,
        )

        return control

