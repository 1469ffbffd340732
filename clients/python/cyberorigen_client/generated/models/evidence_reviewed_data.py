from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.evidence_reviewed_data_decision import EvidenceReviewedDataDecision
from ..models.evidence_reviewed_data_kind import EvidenceReviewedDataKind
from ..models.evidence_reviewed_data_previous_status import EvidenceReviewedDataPreviousStatus
from ..models.evidence_reviewed_data_status import EvidenceReviewedDataStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="EvidenceReviewedData")



@_attrs_define
class EvidenceReviewedData:
    """ 
        Attributes:
            evidence_id (str | Unset):  Example: evd_4f1a.
            control_id (str | Unset):  Example: ctrl_access_control_policy.
            control_name (str | Unset):  Example: Access Control Policy.
            frameworks (list[str] | Unset):  Example: ['ISO 27001', 'SOC 2'].
            kind (EvidenceReviewedDataKind | Unset):
            title (str | Unset):  Example: Access policy v3.
            decision (EvidenceReviewedDataDecision | Unset):
            previous_status (EvidenceReviewedDataPreviousStatus | Unset):
            status (EvidenceReviewedDataStatus | Unset): After the decision.
            comment (str | Unset):
            reviewer (str | Unset): The reviewer's e-mail.
            uploaded_by (None | str | Unset): The uploader's e-mail (null: user deleted).
            self_review (bool | Unset): The reviewer is the uploader (setting evidence.self_review).
            reviewed_at (datetime.datetime | Unset):
     """

    evidence_id: str | Unset = UNSET
    control_id: str | Unset = UNSET
    control_name: str | Unset = UNSET
    frameworks: list[str] | Unset = UNSET
    kind: EvidenceReviewedDataKind | Unset = UNSET
    title: str | Unset = UNSET
    decision: EvidenceReviewedDataDecision | Unset = UNSET
    previous_status: EvidenceReviewedDataPreviousStatus | Unset = UNSET
    status: EvidenceReviewedDataStatus | Unset = UNSET
    comment: str | Unset = UNSET
    reviewer: str | Unset = UNSET
    uploaded_by: None | str | Unset = UNSET
    self_review: bool | Unset = UNSET
    reviewed_at: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        evidence_id = self.evidence_id

        control_id = self.control_id

        control_name = self.control_name

        frameworks: list[str] | Unset = UNSET
        if not isinstance(self.frameworks, Unset):
            frameworks = self.frameworks



        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        title = self.title

        decision: str | Unset = UNSET
        if not isinstance(self.decision, Unset):
            decision = self.decision.value


        previous_status: str | Unset = UNSET
        if not isinstance(self.previous_status, Unset):
            previous_status = self.previous_status.value


        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        comment = self.comment

        reviewer = self.reviewer

        uploaded_by: None | str | Unset
        if isinstance(self.uploaded_by, Unset):
            uploaded_by = UNSET
        else:
            uploaded_by = self.uploaded_by

        self_review = self.self_review

        reviewed_at: str | Unset = UNSET
        if not isinstance(self.reviewed_at, Unset):
            reviewed_at = self.reviewed_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if evidence_id is not UNSET:
            field_dict["evidence_id"] = evidence_id
        if control_id is not UNSET:
            field_dict["control_id"] = control_id
        if control_name is not UNSET:
            field_dict["control_name"] = control_name
        if frameworks is not UNSET:
            field_dict["frameworks"] = frameworks
        if kind is not UNSET:
            field_dict["kind"] = kind
        if title is not UNSET:
            field_dict["title"] = title
        if decision is not UNSET:
            field_dict["decision"] = decision
        if previous_status is not UNSET:
            field_dict["previous_status"] = previous_status
        if status is not UNSET:
            field_dict["status"] = status
        if comment is not UNSET:
            field_dict["comment"] = comment
        if reviewer is not UNSET:
            field_dict["reviewer"] = reviewer
        if uploaded_by is not UNSET:
            field_dict["uploaded_by"] = uploaded_by
        if self_review is not UNSET:
            field_dict["self_review"] = self_review
        if reviewed_at is not UNSET:
            field_dict["reviewed_at"] = reviewed_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        evidence_id = d.pop("evidence_id", UNSET)

        control_id = d.pop("control_id", UNSET)

        control_name = d.pop("control_name", UNSET)

        frameworks = cast(list[str], d.pop("frameworks", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: EvidenceReviewedDataKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = EvidenceReviewedDataKind(_kind)




        title = d.pop("title", UNSET)

        _decision = d.pop("decision", UNSET)
        decision: EvidenceReviewedDataDecision | Unset
        if isinstance(_decision,  Unset):
            decision = UNSET
        else:
            decision = EvidenceReviewedDataDecision(_decision)




        _previous_status = d.pop("previous_status", UNSET)
        previous_status: EvidenceReviewedDataPreviousStatus | Unset
        if isinstance(_previous_status,  Unset):
            previous_status = UNSET
        else:
            previous_status = EvidenceReviewedDataPreviousStatus(_previous_status)




        _status = d.pop("status", UNSET)
        status: EvidenceReviewedDataStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = EvidenceReviewedDataStatus(_status)




        comment = d.pop("comment", UNSET)

        reviewer = d.pop("reviewer", UNSET)

        def _parse_uploaded_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        uploaded_by = _parse_uploaded_by(d.pop("uploaded_by", UNSET))


        self_review = d.pop("self_review", UNSET)

        _reviewed_at = d.pop("reviewed_at", UNSET)
        reviewed_at: datetime.datetime | Unset
        if isinstance(_reviewed_at,  Unset):
            reviewed_at = UNSET
        else:
            reviewed_at = datetime.datetime.fromisoformat(_reviewed_at)




        evidence_reviewed_data = cls(
            evidence_id=evidence_id,
            control_id=control_id,
            control_name=control_name,
            frameworks=frameworks,
            kind=kind,
            title=title,
            decision=decision,
            previous_status=previous_status,
            status=status,
            comment=comment,
            reviewer=reviewer,
            uploaded_by=uploaded_by,
            self_review=self_review,
            reviewed_at=reviewed_at,
        )

        return evidence_reviewed_data

