from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.framework_counts_by_level import FrameworkCountsByLevel





T = TypeVar("T", bound="FrameworkCounts")



@_attrs_define
class FrameworkCounts:
    """ 
        Attributes:
            requirements (int | Unset): Assessed requirements.
            by_level (FrameworkCountsByLevel | Unset):
            mapped_requirements (int | Unset): Assessed requirements at least one control maps to.
            controls (int | Unset): Controls mapped to the framework.
     """

    requirements: int | Unset = UNSET
    by_level: FrameworkCountsByLevel | Unset = UNSET
    mapped_requirements: int | Unset = UNSET
    controls: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.framework_counts_by_level import FrameworkCountsByLevel # noqa: PLC0415
        requirements = self.requirements

        by_level: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_level, Unset):
            by_level = self.by_level.to_dict()

        mapped_requirements = self.mapped_requirements

        controls = self.controls


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if requirements is not UNSET:
            field_dict["requirements"] = requirements
        if by_level is not UNSET:
            field_dict["by_level"] = by_level
        if mapped_requirements is not UNSET:
            field_dict["mapped_requirements"] = mapped_requirements
        if controls is not UNSET:
            field_dict["controls"] = controls

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.framework_counts_by_level import FrameworkCountsByLevel # noqa: PLC0415
        d = dict(src_dict)
        requirements = d.pop("requirements", UNSET)

        _by_level = d.pop("by_level", UNSET)
        by_level: FrameworkCountsByLevel | Unset
        if isinstance(_by_level,  Unset):
            by_level = UNSET
        else:
            by_level = FrameworkCountsByLevel.from_dict(_by_level)




        mapped_requirements = d.pop("mapped_requirements", UNSET)

        controls = d.pop("controls", UNSET)

        framework_counts = cls(
            requirements=requirements,
            by_level=by_level,
            mapped_requirements=mapped_requirements,
            controls=controls,
        )

        return framework_counts

