from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="RotateSecret")



@_attrs_define
class RotateSecret:
    """ 
        Attributes:
            secret (str | Unset): The new secret; omit it to have one generated.
            overlap_seconds (int | Unset): How long the old secret also signs (default: setting).
     """

    secret: str | Unset = UNSET
    overlap_seconds: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        secret = self.secret

        overlap_seconds = self.overlap_seconds


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if secret is not UNSET:
            field_dict["secret"] = secret
        if overlap_seconds is not UNSET:
            field_dict["overlap_seconds"] = overlap_seconds

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        secret = d.pop("secret", UNSET)

        overlap_seconds = d.pop("overlap_seconds", UNSET)

        rotate_secret = cls(
            secret=secret,
            overlap_seconds=overlap_seconds,
        )

        return rotate_secret

