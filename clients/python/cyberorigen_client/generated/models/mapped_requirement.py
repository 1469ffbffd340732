from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.mapped_requirement_coverage import MappedRequirementCoverage
from ..models.mapped_requirement_relationship import MappedRequirementRelationship
from ..types import UNSET, Unset






T = TypeVar("T", bound="MappedRequirement")



@_attrs_define
class MappedRequirement:
    """ 
        Attributes:
            framework (str | Unset):  Example: soc2-2017.
            framework_name (str | Unset):  Example: SOC 2.
            requirement (str | Unset):  Example: CC6.7.
            title (str | Unset):
            relationship (MappedRequirementRelationship | Unset):
            coverage (MappedRequirementCoverage | Unset):
     """

    framework: str | Unset = UNSET
    framework_name: str | Unset = UNSET
    requirement: str | Unset = UNSET
    title: str | Unset = UNSET
    relationship: MappedRequirementRelationship | Unset = UNSET
    coverage: MappedRequirementCoverage | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        framework = self.framework

        framework_name = self.framework_name

        requirement = self.requirement

        title = self.title

        relationship: str | Unset = UNSET
        if not isinstance(self.relationship, Unset):
            relationship = self.relationship.value


        coverage: str | Unset = UNSET
        if not isinstance(self.coverage, Unset):
            coverage = self.coverage.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if framework is not UNSET:
            field_dict["framework"] = framework
        if framework_name is not UNSET:
            field_dict["framework_name"] = framework_name
        if requirement is not UNSET:
            field_dict["requirement"] = requirement
        if title is not UNSET:
            field_dict["title"] = title
        if relationship is not UNSET:
            field_dict["relationship"] = relationship
        if coverage is not UNSET:
            field_dict["coverage"] = coverage

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        framework = d.pop("framework", UNSET)

        framework_name = d.pop("framework_name", UNSET)

        requirement = d.pop("requirement", UNSET)

        title = d.pop("title", UNSET)

        _relationship = d.pop("relationship", UNSET)
        relationship: MappedRequirementRelationship | Unset
        if isinstance(_relationship,  Unset):
            relationship = UNSET
        else:
            relationship = MappedRequirementRelationship(_relationship)




        _coverage = d.pop("coverage", UNSET)
        coverage: MappedRequirementCoverage | Unset
        if isinstance(_coverage,  Unset):
            coverage = UNSET
        else:
            coverage = MappedRequirementCoverage(_coverage)




        mapped_requirement = cls(
            framework=framework,
            framework_name=framework_name,
            requirement=requirement,
            title=title,
            relationship=relationship,
            coverage=coverage,
        )

        return mapped_requirement

