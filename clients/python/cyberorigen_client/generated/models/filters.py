from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.filters_min_severity_type_1 import FiltersMinSeverityType1
from ..models.filters_min_severity_type_2_type_1 import FiltersMinSeverityType2Type1
from ..models.filters_min_severity_type_3_type_1 import FiltersMinSeverityType3Type1
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Filters")



@_attrs_define
class Filters:
    """ 
        Attributes:
            min_severity (FiltersMinSeverityType1 | FiltersMinSeverityType2Type1 | FiltersMinSeverityType3Type1 | None |
                Unset): Events with a severity below it are not sent.
            frameworks (list[str] | Unset): Events naming frameworks are sent only for these (id/alias).
            targets (list[str] | Unset): Events about a target are sent only for these (and subdomains).
     """

    min_severity: FiltersMinSeverityType1 | FiltersMinSeverityType2Type1 | FiltersMinSeverityType3Type1 | None | Unset = UNSET
    frameworks: list[str] | Unset = UNSET
    targets: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        min_severity: None | str | Unset
        if isinstance(self.min_severity, Unset):
            min_severity = UNSET
        elif isinstance(self.min_severity, FiltersMinSeverityType1):
            min_severity = self.min_severity.value
        elif isinstance(self.min_severity, FiltersMinSeverityType2Type1):
            min_severity = self.min_severity.value
        elif isinstance(self.min_severity, FiltersMinSeverityType3Type1):
            min_severity = self.min_severity.value
        else:
            min_severity = self.min_severity

        frameworks: list[str] | Unset = UNSET
        if not isinstance(self.frameworks, Unset):
            frameworks = self.frameworks



        targets: list[str] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = self.targets




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if min_severity is not UNSET:
            field_dict["min_severity"] = min_severity
        if frameworks is not UNSET:
            field_dict["frameworks"] = frameworks
        if targets is not UNSET:
            field_dict["targets"] = targets

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_min_severity(data: object) -> FiltersMinSeverityType1 | FiltersMinSeverityType2Type1 | FiltersMinSeverityType3Type1 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                min_severity_type_1 = FiltersMinSeverityType1(data)



                return min_severity_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                min_severity_type_2_type_1 = FiltersMinSeverityType2Type1(data)



                return min_severity_type_2_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                min_severity_type_3_type_1 = FiltersMinSeverityType3Type1(data)



                return min_severity_type_3_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FiltersMinSeverityType1 | FiltersMinSeverityType2Type1 | FiltersMinSeverityType3Type1 | None | Unset, data)

        min_severity = _parse_min_severity(d.pop("min_severity", UNSET))


        frameworks = cast(list[str], d.pop("frameworks", UNSET))


        targets = cast(list[str], d.pop("targets", UNSET))


        filters = cls(
            min_severity=min_severity,
            frameworks=frameworks,
            targets=targets,
        )

        return filters

