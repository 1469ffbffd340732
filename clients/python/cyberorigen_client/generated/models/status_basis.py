from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.basis_finding import BasisFinding
  from ..models.status_basis_parts import StatusBasisParts





T = TypeVar("T", bound="StatusBasis")



@_attrs_define
class StatusBasis:
    """ 
        Attributes:
            findings (list[BasisFinding] | Unset):
            checks (list[str] | Unset):
            evidence (list[str] | Unset):
            parts (StatusBasisParts | Unset): Which parts (checks, documents) have current evidence.
     """

    findings: list[BasisFinding] | Unset = UNSET
    checks: list[str] | Unset = UNSET
    evidence: list[str] | Unset = UNSET
    parts: StatusBasisParts | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.basis_finding import BasisFinding # noqa: PLC0415
        from ..models.status_basis_parts import StatusBasisParts # noqa: PLC0415
        findings: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.findings, Unset):
            findings = []
            for findings_item_data in self.findings:
                findings_item = findings_item_data.to_dict()
                findings.append(findings_item)



        checks: list[str] | Unset = UNSET
        if not isinstance(self.checks, Unset):
            checks = self.checks



        evidence: list[str] | Unset = UNSET
        if not isinstance(self.evidence, Unset):
            evidence = self.evidence



        parts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parts, Unset):
            parts = self.parts.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if findings is not UNSET:
            field_dict["findings"] = findings
        if checks is not UNSET:
            field_dict["checks"] = checks
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if parts is not UNSET:
            field_dict["parts"] = parts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.basis_finding import BasisFinding # noqa: PLC0415
        from ..models.status_basis_parts import StatusBasisParts # noqa: PLC0415
        d = dict(src_dict)
        _findings = d.pop("findings", UNSET)
        findings: list[BasisFinding] | Unset = UNSET
        if _findings is not UNSET:
            findings = []
            for findings_item_data in _findings:
                findings_item = BasisFinding.from_dict(findings_item_data)



                findings.append(findings_item)


        checks = cast(list[str], d.pop("checks", UNSET))


        evidence = cast(list[str], d.pop("evidence", UNSET))


        _parts = d.pop("parts", UNSET)
        parts: StatusBasisParts | Unset
        if isinstance(_parts,  Unset):
            parts = UNSET
        else:
            parts = StatusBasisParts.from_dict(_parts)




        status_basis = cls(
            findings=findings,
            checks=checks,
            evidence=evidence,
            parts=parts,
        )

        return status_basis

