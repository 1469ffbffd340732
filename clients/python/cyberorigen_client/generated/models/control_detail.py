from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.control_detail_status import ControlDetailStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.control_detail_override_type_0_type_0 import ControlDetailOverrideType0Type0
  from ..models.history import History
  from ..models.linked_check import LinkedCheck
  from ..models.mapped_requirement import MappedRequirement
  from ..models.override import Override
  from ..models.status_basis import StatusBasis





T = TypeVar("T", bound="ControlDetail")



@_attrs_define
class ControlDetail:
    """ 
        Attributes:
            id (str | Unset):  Example: ctrl_access_control_policy.
            name (str | Unset):  Example: Access Control Policy.
            status (ControlDetailStatus | Unset):
            frameworks (list[str] | Unset): Display names of the frameworks it maps to. Example: ['SOC 2', 'ISO 27001'].
            evidence_count (int | Unset): Accepted evidence items (not deleted): those that count toward the status. Files,
                links and notes awaiting review are not counted.
            description (str | Unset):
            evidence_guidance (str | Unset):
            severity_threshold (str | Unset):
            freshness_days (int | Unset):
            reason (str | Unset): Why it has its status, in words.
            basis (StatusBasis | Unset):
            status_since (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            applicable (bool | Unset):
            applicability_reason (None | str | Unset):
            owner (None | str | Unset): The owner's e-mail.
            owner_id (None | str | Unset):
            override (ControlDetailOverrideType0Type0 | None | Override | Unset):
            requirements (list[MappedRequirement] | Unset):
            checks (list[LinkedCheck] | Unset):
            history (list[History] | Unset):
            evidence_awaiting_review (int | Unset): Files, links and notes awaiting review: they count once a user with the
                auditor role or above, other than the one who added them, accepts them.
     """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    status: ControlDetailStatus | Unset = UNSET
    frameworks: list[str] | Unset = UNSET
    evidence_count: int | Unset = UNSET
    description: str | Unset = UNSET
    evidence_guidance: str | Unset = UNSET
    severity_threshold: str | Unset = UNSET
    freshness_days: int | Unset = UNSET
    reason: str | Unset = UNSET
    basis: StatusBasis | Unset = UNSET
    status_since: datetime.datetime | Unset = UNSET
    applicable: bool | Unset = UNSET
    applicability_reason: None | str | Unset = UNSET
    owner: None | str | Unset = UNSET
    owner_id: None | str | Unset = UNSET
    override: ControlDetailOverrideType0Type0 | None | Override | Unset = UNSET
    requirements: list[MappedRequirement] | Unset = UNSET
    checks: list[LinkedCheck] | Unset = UNSET
    history: list[History] | Unset = UNSET
    evidence_awaiting_review: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.control_detail_override_type_0_type_0 import ControlDetailOverrideType0Type0 # noqa: PLC0415
        from ..models.history import History # noqa: PLC0415
        from ..models.linked_check import LinkedCheck # noqa: PLC0415
        from ..models.mapped_requirement import MappedRequirement # noqa: PLC0415
        from ..models.override import Override # noqa: PLC0415
        from ..models.status_basis import StatusBasis # noqa: PLC0415
        id = self.id

        name = self.name

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        frameworks: list[str] | Unset = UNSET
        if not isinstance(self.frameworks, Unset):
            frameworks = self.frameworks



        evidence_count = self.evidence_count

        description = self.description

        evidence_guidance = self.evidence_guidance

        severity_threshold = self.severity_threshold

        freshness_days = self.freshness_days

        reason = self.reason

        basis: dict[str, Any] | Unset = UNSET
        if not isinstance(self.basis, Unset):
            basis = self.basis.to_dict()

        status_since: str | Unset = UNSET
        if not isinstance(self.status_since, Unset):
            status_since = self.status_since.isoformat()

        applicable = self.applicable

        applicability_reason: None | str | Unset
        if isinstance(self.applicability_reason, Unset):
            applicability_reason = UNSET
        else:
            applicability_reason = self.applicability_reason

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        else:
            owner_id = self.owner_id

        override: dict[str, Any] | None | Unset
        if isinstance(self.override, Unset):
            override = UNSET
        elif isinstance(self.override, ControlDetailOverrideType0Type0):
            override = self.override.to_dict()
        elif isinstance(self.override, Override):
            override = self.override.to_dict()
        else:
            override = self.override

        requirements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.requirements, Unset):
            requirements = []
            for requirements_item_data in self.requirements:
                requirements_item = requirements_item_data.to_dict()
                requirements.append(requirements_item)



        checks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.checks, Unset):
            checks = []
            for checks_item_data in self.checks:
                checks_item = checks_item_data.to_dict()
                checks.append(checks_item)



        history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.history, Unset):
            history = []
            for history_item_data in self.history:
                history_item = history_item_data.to_dict()
                history.append(history_item)



        evidence_awaiting_review = self.evidence_awaiting_review


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
        if frameworks is not UNSET:
            field_dict["frameworks"] = frameworks
        if evidence_count is not UNSET:
            field_dict["evidence_count"] = evidence_count
        if description is not UNSET:
            field_dict["description"] = description
        if evidence_guidance is not UNSET:
            field_dict["evidence_guidance"] = evidence_guidance
        if severity_threshold is not UNSET:
            field_dict["severity_threshold"] = severity_threshold
        if freshness_days is not UNSET:
            field_dict["freshness_days"] = freshness_days
        if reason is not UNSET:
            field_dict["reason"] = reason
        if basis is not UNSET:
            field_dict["basis"] = basis
        if status_since is not UNSET:
            field_dict["status_since"] = status_since
        if applicable is not UNSET:
            field_dict["applicable"] = applicable
        if applicability_reason is not UNSET:
            field_dict["applicability_reason"] = applicability_reason
        if owner is not UNSET:
            field_dict["owner"] = owner
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if override is not UNSET:
            field_dict["override"] = override
        if requirements is not UNSET:
            field_dict["requirements"] = requirements
        if checks is not UNSET:
            field_dict["checks"] = checks
        if history is not UNSET:
            field_dict["history"] = history
        if evidence_awaiting_review is not UNSET:
            field_dict["evidence_awaiting_review"] = evidence_awaiting_review

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.control_detail_override_type_0_type_0 import ControlDetailOverrideType0Type0 # noqa: PLC0415
        from ..models.history import History # noqa: PLC0415
        from ..models.linked_check import LinkedCheck # noqa: PLC0415
        from ..models.mapped_requirement import MappedRequirement # noqa: PLC0415
        from ..models.override import Override # noqa: PLC0415
        from ..models.status_basis import StatusBasis # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        _status = d.pop("status", UNSET)
        status: ControlDetailStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ControlDetailStatus(_status)




        frameworks = cast(list[str], d.pop("frameworks", UNSET))


        evidence_count = d.pop("evidence_count", UNSET)

        description = d.pop("description", UNSET)

        evidence_guidance = d.pop("evidence_guidance", UNSET)

        severity_threshold = d.pop("severity_threshold", UNSET)

        freshness_days = d.pop("freshness_days", UNSET)

        reason = d.pop("reason", UNSET)

        _basis = d.pop("basis", UNSET)
        basis: StatusBasis | Unset
        if isinstance(_basis,  Unset):
            basis = UNSET
        else:
            basis = StatusBasis.from_dict(_basis)




        _status_since = d.pop("status_since", UNSET)
        status_since: datetime.datetime | Unset
        if isinstance(_status_since,  Unset):
            status_since = UNSET
        else:
            status_since = datetime.datetime.fromisoformat(_status_since)




        applicable = d.pop("applicable", UNSET)

        def _parse_applicability_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        applicability_reason = _parse_applicability_reason(d.pop("applicability_reason", UNSET))


        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))


        def _parse_owner_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))


        def _parse_override(data: object) -> ControlDetailOverrideType0Type0 | None | Override | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                override_type_0_type_0 = ControlDetailOverrideType0Type0.from_dict(data)



                return override_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                override_type_1 = Override.from_dict(data)



                return override_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ControlDetailOverrideType0Type0 | None | Override | Unset, data)

        override = _parse_override(d.pop("override", UNSET))


        _requirements = d.pop("requirements", UNSET)
        requirements: list[MappedRequirement] | Unset = UNSET
        if _requirements is not UNSET:
            requirements = []
            for requirements_item_data in _requirements:
                requirements_item = MappedRequirement.from_dict(requirements_item_data)



                requirements.append(requirements_item)


        _checks = d.pop("checks", UNSET)
        checks: list[LinkedCheck] | Unset = UNSET
        if _checks is not UNSET:
            checks = []
            for checks_item_data in _checks:
                checks_item = LinkedCheck.from_dict(checks_item_data)



                checks.append(checks_item)


        _history = d.pop("history", UNSET)
        history: list[History] | Unset = UNSET
        if _history is not UNSET:
            history = []
            for history_item_data in _history:
                history_item = History.from_dict(history_item_data)



                history.append(history_item)


        evidence_awaiting_review = d.pop("evidence_awaiting_review", UNSET)

        control_detail = cls(
            id=id,
            name=name,
            status=status,
            frameworks=frameworks,
            evidence_count=evidence_count,
            description=description,
            evidence_guidance=evidence_guidance,
            severity_threshold=severity_threshold,
            freshness_days=freshness_days,
            reason=reason,
            basis=basis,
            status_since=status_since,
            applicable=applicable,
            applicability_reason=applicability_reason,
            owner=owner,
            owner_id=owner_id,
            override=override,
            requirements=requirements,
            checks=checks,
            history=history,
            evidence_awaiting_review=evidence_awaiting_review,
        )

        return control_detail

