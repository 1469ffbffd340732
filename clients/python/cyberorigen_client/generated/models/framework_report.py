from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.framework import Framework
  from ..models.report_requirement import ReportRequirement
  from ..models.report_summary import ReportSummary





T = TypeVar("T", bound="FrameworkReport")



@_attrs_define
class FrameworkReport:
    """ 
        Attributes:
            framework (Framework | Unset):
            generated_at (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            summary (ReportSummary | Unset):
            requirements (list[ReportRequirement] | Unset):
     """

    framework: Framework | Unset = UNSET
    generated_at: datetime.datetime | Unset = UNSET
    summary: ReportSummary | Unset = UNSET
    requirements: list[ReportRequirement] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.framework import Framework # noqa: PLC0415
        from ..models.report_requirement import ReportRequirement # noqa: PLC0415
        from ..models.report_summary import ReportSummary # noqa: PLC0415
        framework: dict[str, Any] | Unset = UNSET
        if not isinstance(self.framework, Unset):
            framework = self.framework.to_dict()

        generated_at: str | Unset = UNSET
        if not isinstance(self.generated_at, Unset):
            generated_at = self.generated_at.isoformat()

        summary: dict[str, Any] | Unset = UNSET
        if not isinstance(self.summary, Unset):
            summary = self.summary.to_dict()

        requirements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.requirements, Unset):
            requirements = []
            for requirements_item_data in self.requirements:
                requirements_item = requirements_item_data.to_dict()
                requirements.append(requirements_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if framework is not UNSET:
            field_dict["framework"] = framework
        if generated_at is not UNSET:
            field_dict["generated_at"] = generated_at
        if summary is not UNSET:
            field_dict["summary"] = summary
        if requirements is not UNSET:
            field_dict["requirements"] = requirements

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.framework import Framework # noqa: PLC0415
        from ..models.report_requirement import ReportRequirement # noqa: PLC0415
        from ..models.report_summary import ReportSummary # noqa: PLC0415
        d = dict(src_dict)
        _framework = d.pop("framework", UNSET)
        framework: Framework | Unset
        if isinstance(_framework,  Unset):
            framework = UNSET
        else:
            framework = Framework.from_dict(_framework)




        _generated_at = d.pop("generated_at", UNSET)
        generated_at: datetime.datetime | Unset
        if isinstance(_generated_at,  Unset):
            generated_at = UNSET
        else:
            generated_at = datetime.datetime.fromisoformat(_generated_at)




        _summary = d.pop("summary", UNSET)
        summary: ReportSummary | Unset
        if isinstance(_summary,  Unset):
            summary = UNSET
        else:
            summary = ReportSummary.from_dict(_summary)




        _requirements = d.pop("requirements", UNSET)
        requirements: list[ReportRequirement] | Unset = UNSET
        if _requirements is not UNSET:
            requirements = []
            for requirements_item_data in _requirements:
                requirements_item = ReportRequirement.from_dict(requirements_item_data)



                requirements.append(requirements_item)


        framework_report = cls(
            framework=framework,
            generated_at=generated_at,
            summary=summary,
            requirements=requirements,
        )

        return framework_report

