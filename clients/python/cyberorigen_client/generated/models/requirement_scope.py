from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="RequirementScope")



@_attrs_define
class RequirementScope:
    """ 
        Attributes:
            applicable (bool):
            reason (str | Unset): Required when applicable is false.
     """

    applicable: bool
    reason: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        applicable = self.applicable

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "applicable": applicable,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        applicable = d.pop("applicable")

        reason = d.pop("reason", UNSET)

        requirement_scope = cls(
            applicable=applicable,
            reason=reason,
        )

        return requirement_scope

