from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Readiness")



@_attrs_define
class Readiness:
    """ 
        Attributes:
            value (float | None | Unset): 0 to 1; null when 0/0.
            compliant (int | Unset):
            applicable (int | Unset):
     """

    value: float | None | Unset = UNSET
    compliant: int | Unset = UNSET
    applicable: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        compliant = self.compliant

        applicable = self.applicable


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if value is not UNSET:
            field_dict["value"] = value
        if compliant is not UNSET:
            field_dict["compliant"] = compliant
        if applicable is not UNSET:
            field_dict["applicable"] = applicable

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


        compliant = d.pop("compliant", UNSET)

        applicable = d.pop("applicable", UNSET)

        readiness = cls(
            value=value,
            compliant=compliant,
            applicable=applicable,
        )

        return readiness

