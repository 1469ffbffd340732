from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Rotated")



@_attrs_define
class Rotated:
    """ 
        Attributes:
            id (str | Unset):
            secret (str | Unset): Only when generated: shown once.
            rotation_overlap_until (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
     """

    id: str | Unset = UNSET
    secret: str | Unset = UNSET
    rotation_overlap_until: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        secret = self.secret

        rotation_overlap_until: None | str | Unset
        if isinstance(self.rotation_overlap_until, Unset):
            rotation_overlap_until = UNSET
        elif isinstance(self.rotation_overlap_until, datetime.datetime):
            rotation_overlap_until = self.rotation_overlap_until.isoformat()
        else:
            rotation_overlap_until = self.rotation_overlap_until


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if secret is not UNSET:
            field_dict["secret"] = secret
        if rotation_overlap_until is not UNSET:
            field_dict["rotation_overlap_until"] = rotation_overlap_until

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        secret = d.pop("secret", UNSET)

        def _parse_rotation_overlap_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rotation_overlap_until_type_0 = datetime.datetime.fromisoformat(data)



                return rotation_overlap_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        rotation_overlap_until = _parse_rotation_overlap_until(d.pop("rotation_overlap_until", UNSET))


        rotated = cls(
            id=id,
            secret=secret,
            rotation_overlap_until=rotation_overlap_until,
        )

        return rotated

