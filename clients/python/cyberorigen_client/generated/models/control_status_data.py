from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ControlStatusData")



@_attrs_define
class ControlStatusData:
    """ 
        Attributes:
            control_id (str | Unset):  Example: ctrl_encryption_in_transit.
            name (str | Unset):  Example: Encryption in Transit.
            frameworks (list[str] | Unset):  Example: ['PCI DSS', 'SOC 2'].
            previous_status (str | Unset):
            status (str | Unset):
            reason (str | Unset):
            cause (str | Unset): scan, evidence, review, override, edit, assessment
            findings (list[str] | Unset):
     """

    control_id: str | Unset = UNSET
    name: str | Unset = UNSET
    frameworks: list[str] | Unset = UNSET
    previous_status: str | Unset = UNSET
    status: str | Unset = UNSET
    reason: str | Unset = UNSET
    cause: str | Unset = UNSET
    findings: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        control_id = self.control_id

        name = self.name

        frameworks: list[str] | Unset = UNSET
        if not isinstance(self.frameworks, Unset):
            frameworks = self.frameworks



        previous_status = self.previous_status

        status = self.status

        reason = self.reason

        cause = self.cause

        findings: list[str] | Unset = UNSET
        if not isinstance(self.findings, Unset):
            findings = self.findings




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if control_id is not UNSET:
            field_dict["control_id"] = control_id
        if name is not UNSET:
            field_dict["name"] = name
        if frameworks is not UNSET:
            field_dict["frameworks"] = frameworks
        if previous_status is not UNSET:
            field_dict["previous_status"] = previous_status
        if status is not UNSET:
            field_dict["status"] = status
        if reason is not UNSET:
            field_dict["reason"] = reason
        if cause is not UNSET:
            field_dict["cause"] = cause
        if findings is not UNSET:
            field_dict["findings"] = findings

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        control_id = d.pop("control_id", UNSET)

        name = d.pop("name", UNSET)

        frameworks = cast(list[str], d.pop("frameworks", UNSET))


        previous_status = d.pop("previous_status", UNSET)

        status = d.pop("status", UNSET)

        reason = d.pop("reason", UNSET)

        cause = d.pop("cause", UNSET)

        findings = cast(list[str], d.pop("findings", UNSET))


        control_status_data = cls(
            control_id=control_id,
            name=name,
            frameworks=frameworks,
            previous_status=previous_status,
            status=status,
            reason=reason,
            cause=cause,
            findings=findings,
        )

        return control_status_data

