from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.audit_actor_type import AuditActorType
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AuditActor")



@_attrs_define
class AuditActor:
    """ 
        Attributes:
            type_ (AuditActorType | Unset):
            id (None | str | Unset):  Example: usr_3f9a1c0d2b4e6f80.
            label (None | str | Unset): The e-mail address at the time (the OS user for the CLI).
     """

    type_: AuditActorType | Unset = UNSET
    id: None | str | Unset = UNSET
    label: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value


        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if type_ is not UNSET:
            field_dict["type"] = type_
        if id is not UNSET:
            field_dict["id"] = id
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _type_ = d.pop("type", UNSET)
        type_: AuditActorType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = AuditActorType(_type_)




        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))


        audit_actor = cls(
            type_=type_,
            id=id,
            label=label,
        )

        return audit_actor

