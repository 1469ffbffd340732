from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.check_outcome_outcome import CheckOutcomeOutcome
from ..models.check_outcome_reason import CheckOutcomeReason
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CheckOutcome")



@_attrs_define
class CheckOutcome:
    """ 
        Attributes:
            check_id (str | Unset):  Example: http.hsts_missing.
            scanner (str | Unset):  Example: http.
            target (str | Unset): What the run examined: a host, URL or host:port of the scan's target, or a service
                discovery found there. Example: 10.0.0.12:8443.
            service (None | str | Unset):  Example: https.
            outcome (CheckOutcomeOutcome | Unset): passed: observed, and no finding of this check at low or above; failed:
                such a finding; inconclusive: not observed (see reason). Only passed and failed are observations; compliance
                credits nothing else.
            reason (CheckOutcomeReason | Unset): Why an inconclusive check was not observed: unreachable (the run observed
                nothing), timed_out, not_applicable, not_examined (the scanner said why in detail), cancelled, error, not_run.
                null when observed.
            detail (None | str | Unset):  Example: stopped after its 60 s timeout.
            findings (int | Unset): The run's findings of this check, informational included.
            recorded_at (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
     """

    check_id: str | Unset = UNSET
    scanner: str | Unset = UNSET
    target: str | Unset = UNSET
    service: None | str | Unset = UNSET
    outcome: CheckOutcomeOutcome | Unset = UNSET
    reason: CheckOutcomeReason | Unset = UNSET
    detail: None | str | Unset = UNSET
    findings: int | Unset = UNSET
    recorded_at: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        check_id = self.check_id

        scanner = self.scanner

        target = self.target

        service: None | str | Unset
        if isinstance(self.service, Unset):
            service = UNSET
        else:
            service = self.service

        outcome: str | Unset = UNSET
        if not isinstance(self.outcome, Unset):
            outcome = self.outcome.value


        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason.value


        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        findings = self.findings

        recorded_at: str | Unset = UNSET
        if not isinstance(self.recorded_at, Unset):
            recorded_at = self.recorded_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if check_id is not UNSET:
            field_dict["check_id"] = check_id
        if scanner is not UNSET:
            field_dict["scanner"] = scanner
        if target is not UNSET:
            field_dict["target"] = target
        if service is not UNSET:
            field_dict["service"] = service
        if outcome is not UNSET:
            field_dict["outcome"] = outcome
        if reason is not UNSET:
            field_dict["reason"] = reason
        if detail is not UNSET:
            field_dict["detail"] = detail
        if findings is not UNSET:
            field_dict["findings"] = findings
        if recorded_at is not UNSET:
            field_dict["recorded_at"] = recorded_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        check_id = d.pop("check_id", UNSET)

        scanner = d.pop("scanner", UNSET)

        target = d.pop("target", UNSET)

        def _parse_service(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service = _parse_service(d.pop("service", UNSET))


        _outcome = d.pop("outcome", UNSET)
        outcome: CheckOutcomeOutcome | Unset
        if isinstance(_outcome,  Unset):
            outcome = UNSET
        else:
            outcome = CheckOutcomeOutcome(_outcome)




        _reason = d.pop("reason", UNSET)
        reason: CheckOutcomeReason | Unset
        if isinstance(_reason,  Unset):
            reason = UNSET
        else:
            reason = CheckOutcomeReason(_reason)




        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))


        findings = d.pop("findings", UNSET)

        _recorded_at = d.pop("recorded_at", UNSET)
        recorded_at: datetime.datetime | Unset
        if isinstance(_recorded_at,  Unset):
            recorded_at = UNSET
        else:
            recorded_at = datetime.datetime.fromisoformat(_recorded_at)




        check_outcome = cls(
            check_id=check_id,
            scanner=scanner,
            target=target,
            service=service,
            outcome=outcome,
            reason=reason,
            detail=detail,
            findings=findings,
            recorded_at=recorded_at,
        )

        return check_outcome

