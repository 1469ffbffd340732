from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..types import File, FileTypes
from ..types import UNSET, Unset
from io import BytesIO
from typing import cast
import datetime






T = TypeVar("T", bound="CreateEvidenceRequest")



@_attrs_define
class CreateEvidenceRequest:
    """ 
        Attributes:
            file (File):
            title (str | Unset):
            description (str | Unset):
            effective_from (datetime.datetime | Unset):
            effective_until (datetime.datetime | Unset):
     """

    file: File
    title: str | Unset = UNSET
    description: str | Unset = UNSET
    effective_from: datetime.datetime | Unset = UNSET
    effective_until: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()


        title = self.title

        description = self.description

        effective_from: str | Unset = UNSET
        if not isinstance(self.effective_from, Unset):
            effective_from = self.effective_from.isoformat()

        effective_until: str | Unset = UNSET
        if not isinstance(self.effective_until, Unset):
            effective_until = self.effective_until.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "file": file,
        })
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if effective_until is not UNSET:
            field_dict["effective_until"] = effective_until

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))



        if not isinstance(self.title, Unset):
            files.append(("title", (None, str(self.title).encode(), "text/plain")))



        if not isinstance(self.description, Unset):
            files.append(("description", (None, str(self.description).encode(), "text/plain")))



        if not isinstance(self.effective_from, Unset):
            files.append(("effective_from", (None, self.effective_from.isoformat().encode(), "text/plain")))



        if not isinstance(self.effective_until, Unset):
            files.append(("effective_until", (None, self.effective_until.isoformat().encode(), "text/plain")))




        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))



        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(
             payload = BytesIO(d.pop("file"))
        )




        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        _effective_from = d.pop("effective_from", UNSET)
        effective_from: datetime.datetime | Unset
        if isinstance(_effective_from,  Unset):
            effective_from = UNSET
        else:
            effective_from = datetime.datetime.fromisoformat(_effective_from)




        _effective_until = d.pop("effective_until", UNSET)
        effective_until: datetime.datetime | Unset
        if isinstance(_effective_until,  Unset):
            effective_until = UNSET
        else:
            effective_until = datetime.datetime.fromisoformat(_effective_until)




        create_evidence_request = cls(
            file=file,
            title=title,
            description=description,
            effective_from=effective_from,
            effective_until=effective_until,
        )


        create_evidence_request.additional_properties = d
        return create_evidence_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
