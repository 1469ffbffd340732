from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="EvidenceExpiringData")



@_attrs_define
class EvidenceExpiringData:
    """ 
        Attributes:
            evidence_id (str | Unset):  Example: evd_4f1a.
            control_id (str | Unset):
            control_name (str | Unset):
            title (str | Unset):
            expires_at (datetime.datetime | Unset):
     """

    evidence_id: str | Unset = UNSET
    control_id: str | Unset = UNSET
    control_name: str | Unset = UNSET
    title: str | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        evidence_id = self.evidence_id

        control_id = self.control_id

        control_name = self.control_name

        title = self.title

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if evidence_id is not UNSET:
            field_dict["evidence_id"] = evidence_id
        if control_id is not UNSET:
            field_dict["control_id"] = control_id
        if control_name is not UNSET:
            field_dict["control_name"] = control_name
        if title is not UNSET:
            field_dict["title"] = title
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        evidence_id = d.pop("evidence_id", UNSET)

        control_id = d.pop("control_id", UNSET)

        control_name = d.pop("control_name", UNSET)

        title = d.pop("title", UNSET)

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at,  Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)




        evidence_expiring_data = cls(
            evidence_id=evidence_id,
            control_id=control_id,
            control_name=control_name,
            title=title,
            expires_at=expires_at,
        )

        return evidence_expiring_data

