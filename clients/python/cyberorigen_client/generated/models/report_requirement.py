from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.report_requirement_status import ReportRequirementStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.report_control import ReportControl
  from ..models.report_requirement_attributes import ReportRequirementAttributes





T = TypeVar("T", bound="ReportRequirement")



@_attrs_define
class ReportRequirement:
    """ 
        Attributes:
            id (str | Unset):  Example: CC6.7.
            title (str | Unset):
            level (str | Unset):
            parent (None | str | Unset):
            status (ReportRequirementStatus | Unset):
            reason (str | Unset): The reason chain, in words.
            controls (list[ReportControl] | Unset):
            findings (list[str] | Unset):
            automated_checks (list[str] | Unset):
            attributes (ReportRequirementAttributes | Unset): Facts of the catalogue, e.g. PCI DSS applicability.
            in_scope (bool | Unset): False once the organization declared it out of scope.
     """

    id: str | Unset = UNSET
    title: str | Unset = UNSET
    level: str | Unset = UNSET
    parent: None | str | Unset = UNSET
    status: ReportRequirementStatus | Unset = UNSET
    reason: str | Unset = UNSET
    controls: list[ReportControl] | Unset = UNSET
    findings: list[str] | Unset = UNSET
    automated_checks: list[str] | Unset = UNSET
    attributes: ReportRequirementAttributes | Unset = UNSET
    in_scope: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.report_control import ReportControl # noqa: PLC0415
        from ..models.report_requirement_attributes import ReportRequirementAttributes # noqa: PLC0415
        id = self.id

        title = self.title

        level = self.level

        parent: None | str | Unset
        if isinstance(self.parent, Unset):
            parent = UNSET
        else:
            parent = self.parent

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        reason = self.reason

        controls: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.controls, Unset):
            controls = []
            for controls_item_data in self.controls:
                controls_item = controls_item_data.to_dict()
                controls.append(controls_item)



        findings: list[str] | Unset = UNSET
        if not isinstance(self.findings, Unset):
            findings = self.findings



        automated_checks: list[str] | Unset = UNSET
        if not isinstance(self.automated_checks, Unset):
            automated_checks = self.automated_checks



        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        in_scope = self.in_scope


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if level is not UNSET:
            field_dict["level"] = level
        if parent is not UNSET:
            field_dict["parent"] = parent
        if status is not UNSET:
            field_dict["status"] = status
        if reason is not UNSET:
            field_dict["reason"] = reason
        if controls is not UNSET:
            field_dict["controls"] = controls
        if findings is not UNSET:
            field_dict["findings"] = findings
        if automated_checks is not UNSET:
            field_dict["automated_checks"] = automated_checks
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if in_scope is not UNSET:
            field_dict["in_scope"] = in_scope

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_control import ReportControl # noqa: PLC0415
        from ..models.report_requirement_attributes import ReportRequirementAttributes # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        title = d.pop("title", UNSET)

        level = d.pop("level", UNSET)

        def _parse_parent(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent = _parse_parent(d.pop("parent", UNSET))


        _status = d.pop("status", UNSET)
        status: ReportRequirementStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ReportRequirementStatus(_status)




        reason = d.pop("reason", UNSET)

        _controls = d.pop("controls", UNSET)
        controls: list[ReportControl] | Unset = UNSET
        if _controls is not UNSET:
            controls = []
            for controls_item_data in _controls:
                controls_item = ReportControl.from_dict(controls_item_data)



                controls.append(controls_item)


        findings = cast(list[str], d.pop("findings", UNSET))


        automated_checks = cast(list[str], d.pop("automated_checks", UNSET))


        _attributes = d.pop("attributes", UNSET)
        attributes: ReportRequirementAttributes | Unset
        if isinstance(_attributes,  Unset):
            attributes = UNSET
        else:
            attributes = ReportRequirementAttributes.from_dict(_attributes)




        in_scope = d.pop("in_scope", UNSET)

        report_requirement = cls(
            id=id,
            title=title,
            level=level,
            parent=parent,
            status=status,
            reason=reason,
            controls=controls,
            findings=findings,
            automated_checks=automated_checks,
            attributes=attributes,
            in_scope=in_scope,
        )

        return report_requirement

