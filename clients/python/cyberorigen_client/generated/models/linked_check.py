from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="LinkedCheck")



@_attrs_define
class LinkedCheck:
    """ 
        Attributes:
            id (str | Unset):  Example: tls.cert.expired.
            title (str | Unset):
            severity (str | Unset):
     """

    id: str | Unset = UNSET
    title: str | Unset = UNSET
    severity: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        severity = self.severity


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if severity is not UNSET:
            field_dict["severity"] = severity

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        title = d.pop("title", UNSET)

        severity = d.pop("severity", UNSET)

        linked_check = cls(
            id=id,
            title=title,
            severity=severity,
        )

        return linked_check

