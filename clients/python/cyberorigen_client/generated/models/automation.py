from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Automation")



@_attrs_define
class Automation:
    """ 
        Attributes:
            value (float | None | Unset): 0 to 1; null when 0/0.
            automated (int | Unset):
            requirements (int | Unset):
     """

    value: float | None | Unset = UNSET
    automated: int | Unset = UNSET
    requirements: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        automated = self.automated

        requirements = self.requirements


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if value is not UNSET:
            field_dict["value"] = value
        if automated is not UNSET:
            field_dict["automated"] = automated
        if requirements is not UNSET:
            field_dict["requirements"] = requirements

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))


        automated = d.pop("automated", UNSET)

        requirements = d.pop("requirements", UNSET)

        automation = cls(
            value=value,
            automated=automated,
            requirements=requirements,
        )

        return automation

