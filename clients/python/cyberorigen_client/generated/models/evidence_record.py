from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.evidence_record_kind import EvidenceRecordKind
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="EvidenceRecord")



@_attrs_define
class EvidenceRecord:
    """ 
        Attributes:
            kind (EvidenceRecordKind):
            title (str | Unset):
            description (str | Unset):
            effective_from (datetime.datetime | Unset): Defaults to now. Example: 2025-12-21T10:00:00Z.
            effective_until (datetime.datetime | None | Unset): When it stops counting; default: the control's freshness.
                Example: 2025-12-21T10:00:00Z.
            url (str | Unset):
            note (str | Unset):
     """

    kind: EvidenceRecordKind
    title: str | Unset = UNSET
    description: str | Unset = UNSET
    effective_from: datetime.datetime | Unset = UNSET
    effective_until: datetime.datetime | None | Unset = UNSET
    url: str | Unset = UNSET
    note: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        title = self.title

        description = self.description

        effective_from: str | Unset = UNSET
        if not isinstance(self.effective_from, Unset):
            effective_from = self.effective_from.isoformat()

        effective_until: None | str | Unset
        if isinstance(self.effective_until, Unset):
            effective_until = UNSET
        elif isinstance(self.effective_until, datetime.datetime):
            effective_until = self.effective_until.isoformat()
        else:
            effective_until = self.effective_until

        url = self.url

        note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
        })
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if effective_until is not UNSET:
            field_dict["effective_until"] = effective_until
        if url is not UNSET:
            field_dict["url"] = url
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = EvidenceRecordKind(d.pop("kind"))




        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        _effective_from = d.pop("effective_from", UNSET)
        effective_from: datetime.datetime | Unset
        if isinstance(_effective_from,  Unset):
            effective_from = UNSET
        else:
            effective_from = datetime.datetime.fromisoformat(_effective_from)




        def _parse_effective_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_until_type_0 = datetime.datetime.fromisoformat(data)



                return effective_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        effective_until = _parse_effective_until(d.pop("effective_until", UNSET))


        url = d.pop("url", UNSET)

        note = d.pop("note", UNSET)

        evidence_record = cls(
            kind=kind,
            title=title,
            description=description,
            effective_from=effective_from,
            effective_until=effective_until,
            url=url,
            note=note,
        )

        return evidence_record

