from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="BasisFinding")



@_attrs_define
class BasisFinding:
    """ 
        Attributes:
            id (str | Unset):  Example: fnd_9c2e.
            title (str | Unset):
            severity (str | Unset):
            target (str | Unset):
            check_id (str | Unset):
     """

    id: str | Unset = UNSET
    title: str | Unset = UNSET
    severity: str | Unset = UNSET
    target: str | Unset = UNSET
    check_id: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        severity = self.severity

        target = self.target

        check_id = self.check_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if severity is not UNSET:
            field_dict["severity"] = severity
        if target is not UNSET:
            field_dict["target"] = target
        if check_id is not UNSET:
            field_dict["check_id"] = check_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        title = d.pop("title", UNSET)

        severity = d.pop("severity", UNSET)

        target = d.pop("target", UNSET)

        check_id = d.pop("check_id", UNSET)

        basis_finding = cls(
            id=id,
            title=title,
            severity=severity,
            target=target,
            check_id=check_id,
        )

        return basis_finding

