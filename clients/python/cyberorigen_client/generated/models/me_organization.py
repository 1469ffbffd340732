from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="MeOrganization")



@_attrs_define
class MeOrganization:
    """ 
        Attributes:
            id (str | Unset):
            name (str | Unset):
            plan (str | Unset):
     """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    plan: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        plan = self.plan


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if plan is not UNSET:
            field_dict["plan"] = plan

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        plan = d.pop("plan", UNSET)

        me_organization = cls(
            id=id,
            name=name,
            plan=plan,
        )

        return me_organization

