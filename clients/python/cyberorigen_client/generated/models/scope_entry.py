from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scope_entry_kind import ScopeEntryKind
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ScopeEntry")



@_attrs_define
class ScopeEntry:
    """ 
        Attributes:
            id (str | Unset):  Example: scope_5d1f0a7b2c3e4f60.
            value (str | Unset):  Example: example.com.
            kind (ScopeEntryKind | Unset):
            created_at (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
     """

    id: str | Unset = UNSET
    value: str | Unset = UNSET
    kind: ScopeEntryKind | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        value = self.value

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if value is not UNSET:
            field_dict["value"] = value
        if kind is not UNSET:
            field_dict["kind"] = kind
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        value = d.pop("value", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: ScopeEntryKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = ScopeEntryKind(_kind)




        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        scope_entry = cls(
            id=id,
            value=value,
            kind=kind,
            created_at=created_at,
        )

        return scope_entry

