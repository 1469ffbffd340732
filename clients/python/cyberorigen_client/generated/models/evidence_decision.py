from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.evidence_decision_decision import EvidenceDecisionDecision
from ..models.evidence_decision_previous_status import EvidenceDecisionPreviousStatus
from ..models.evidence_decision_status import EvidenceDecisionStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="EvidenceDecision")



@_attrs_define
class EvidenceDecision:
    """ 
        Attributes:
            decision (EvidenceDecisionDecision | Unset):
            previous_status (EvidenceDecisionPreviousStatus | Unset):
            status (EvidenceDecisionStatus | Unset): After the decision.
            reviewer (None | str | Unset): The reviewer's e-mail as it was then (null: accepted before evidence review
                existed).
            comment (str | Unset):
            self_review (bool | Unset): The reviewer had added the evidence (evidence.self_review).
            decided_at (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
     """

    decision: EvidenceDecisionDecision | Unset = UNSET
    previous_status: EvidenceDecisionPreviousStatus | Unset = UNSET
    status: EvidenceDecisionStatus | Unset = UNSET
    reviewer: None | str | Unset = UNSET
    comment: str | Unset = UNSET
    self_review: bool | Unset = UNSET
    decided_at: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        decision: str | Unset = UNSET
        if not isinstance(self.decision, Unset):
            decision = self.decision.value


        previous_status: str | Unset = UNSET
        if not isinstance(self.previous_status, Unset):
            previous_status = self.previous_status.value


        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        reviewer: None | str | Unset
        if isinstance(self.reviewer, Unset):
            reviewer = UNSET
        else:
            reviewer = self.reviewer

        comment = self.comment

        self_review = self.self_review

        decided_at: str | Unset = UNSET
        if not isinstance(self.decided_at, Unset):
            decided_at = self.decided_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if decision is not UNSET:
            field_dict["decision"] = decision
        if previous_status is not UNSET:
            field_dict["previous_status"] = previous_status
        if status is not UNSET:
            field_dict["status"] = status
        if reviewer is not UNSET:
            field_dict["reviewer"] = reviewer
        if comment is not UNSET:
            field_dict["comment"] = comment
        if self_review is not UNSET:
            field_dict["self_review"] = self_review
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _decision = d.pop("decision", UNSET)
        decision: EvidenceDecisionDecision | Unset
        if isinstance(_decision,  Unset):
            decision = UNSET
        else:
            decision = EvidenceDecisionDecision(_decision)




        _previous_status = d.pop("previous_status", UNSET)
        previous_status: EvidenceDecisionPreviousStatus | Unset
        if isinstance(_previous_status,  Unset):
            previous_status = UNSET
        else:
            previous_status = EvidenceDecisionPreviousStatus(_previous_status)




        _status = d.pop("status", UNSET)
        status: EvidenceDecisionStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = EvidenceDecisionStatus(_status)




        def _parse_reviewer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reviewer = _parse_reviewer(d.pop("reviewer", UNSET))


        comment = d.pop("comment", UNSET)

        self_review = d.pop("self_review", UNSET)

        _decided_at = d.pop("decided_at", UNSET)
        decided_at: datetime.datetime | Unset
        if isinstance(_decided_at,  Unset):
            decided_at = UNSET
        else:
            decided_at = datetime.datetime.fromisoformat(_decided_at)




        evidence_decision = cls(
            decision=decision,
            previous_status=previous_status,
            status=status,
            reviewer=reviewer,
            comment=comment,
            self_review=self_review,
            decided_at=decided_at,
        )

        return evidence_decision

