from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.automation import Automation
  from ..models.posture import Posture
  from ..models.readiness import Readiness





T = TypeVar("T", bound="ReportSummary")



@_attrs_define
class ReportSummary:
    """ 
        Attributes:
            requirements (int | Unset):
            compliant (int | Unset):
            partially_compliant (int | Unset):
            non_compliant (int | Unset):
            not_applicable (int | Unset):
            not_assessed (int | Unset):
            readiness (Readiness | Unset):
            technical_posture (Posture | Unset):
            automation_coverage (Automation | Unset):
     """

    requirements: int | Unset = UNSET
    compliant: int | Unset = UNSET
    partially_compliant: int | Unset = UNSET
    non_compliant: int | Unset = UNSET
    not_applicable: int | Unset = UNSET
    not_assessed: int | Unset = UNSET
    readiness: Readiness | Unset = UNSET
    technical_posture: Posture | Unset = UNSET
    automation_coverage: Automation | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.automation import Automation # noqa: PLC0415
        from ..models.posture import Posture # noqa: PLC0415
        from ..models.readiness import Readiness # noqa: PLC0415
        requirements = self.requirements

        compliant = self.compliant

        partially_compliant = self.partially_compliant

        non_compliant = self.non_compliant

        not_applicable = self.not_applicable

        not_assessed = self.not_assessed

        readiness: dict[str, Any] | Unset = UNSET
        if not isinstance(self.readiness, Unset):
            readiness = self.readiness.to_dict()

        technical_posture: dict[str, Any] | Unset = UNSET
        if not isinstance(self.technical_posture, Unset):
            technical_posture = self.technical_posture.to_dict()

        automation_coverage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.automation_coverage, Unset):
            automation_coverage = self.automation_coverage.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if requirements is not UNSET:
            field_dict["requirements"] = requirements
        if compliant is not UNSET:
            field_dict["compliant"] = compliant
        if partially_compliant is not UNSET:
            field_dict["partially_compliant"] = partially_compliant
        if non_compliant is not UNSET:
            field_dict["non_compliant"] = non_compliant
        if not_applicable is not UNSET:
            field_dict["not_applicable"] = not_applicable
        if not_assessed is not UNSET:
            field_dict["not_assessed"] = not_assessed
        if readiness is not UNSET:
            field_dict["readiness"] = readiness
        if technical_posture is not UNSET:
            field_dict["technical_posture"] = technical_posture
        if automation_coverage is not UNSET:
            field_dict["automation_coverage"] = automation_coverage

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.automation import Automation # noqa: PLC0415
        from ..models.posture import Posture # noqa: PLC0415
        from ..models.readiness import Readiness # noqa: PLC0415
        d = dict(src_dict)
        requirements = d.pop("requirements", UNSET)

        compliant = d.pop("compliant", UNSET)

        partially_compliant = d.pop("partially_compliant", UNSET)

        non_compliant = d.pop("non_compliant", UNSET)

        not_applicable = d.pop("not_applicable", UNSET)

        not_assessed = d.pop("not_assessed", UNSET)

        _readiness = d.pop("readiness", UNSET)
        readiness: Readiness | Unset
        if isinstance(_readiness,  Unset):
            readiness = UNSET
        else:
            readiness = Readiness.from_dict(_readiness)




        _technical_posture = d.pop("technical_posture", UNSET)
        technical_posture: Posture | Unset
        if isinstance(_technical_posture,  Unset):
            technical_posture = UNSET
        else:
            technical_posture = Posture.from_dict(_technical_posture)




        _automation_coverage = d.pop("automation_coverage", UNSET)
        automation_coverage: Automation | Unset
        if isinstance(_automation_coverage,  Unset):
            automation_coverage = UNSET
        else:
            automation_coverage = Automation.from_dict(_automation_coverage)




        report_summary = cls(
            requirements=requirements,
            compliant=compliant,
            partially_compliant=partially_compliant,
            non_compliant=non_compliant,
            not_applicable=not_applicable,
            not_assessed=not_assessed,
            readiness=readiness,
            technical_posture=technical_posture,
            automation_coverage=automation_coverage,
        )

        return report_summary

