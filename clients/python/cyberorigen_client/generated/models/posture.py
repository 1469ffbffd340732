from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Posture")



@_attrs_define
class Posture:
    """ 
        Attributes:
            value (float | None | Unset): 0 to 1; null when 0/0.
            passed_weight (float | Unset):
            total_weight (float | Unset):
            pairs_evaluated (int | Unset): (check, target) pairs run by scans still current.
     """

    value: float | None | Unset = UNSET
    passed_weight: float | Unset = UNSET
    total_weight: float | Unset = UNSET
    pairs_evaluated: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        passed_weight = self.passed_weight

        total_weight = self.total_weight

        pairs_evaluated = self.pairs_evaluated


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if value is not UNSET:
            field_dict["value"] = value
        if passed_weight is not UNSET:
            field_dict["passed_weight"] = passed_weight
        if total_weight is not UNSET:
            field_dict["total_weight"] = total_weight
        if pairs_evaluated is not UNSET:
            field_dict["pairs_evaluated"] = pairs_evaluated

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


        passed_weight = d.pop("passed_weight", UNSET)

        total_weight = d.pop("total_weight", UNSET)

        pairs_evaluated = d.pop("pairs_evaluated", UNSET)

        posture = cls(
            value=value,
            passed_weight=passed_weight,
            total_weight=total_weight,
            pairs_evaluated=pairs_evaluated,
        )

        return posture

