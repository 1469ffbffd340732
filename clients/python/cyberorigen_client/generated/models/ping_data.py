from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="PingData")



@_attrs_define
class PingData:
    """ 
        Attributes:
            webhook_id (str | Unset):
            message (str | Unset):
     """

    webhook_id: str | Unset = UNSET
    message: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        webhook_id = self.webhook_id

        message = self.message


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if webhook_id is not UNSET:
            field_dict["webhook_id"] = webhook_id
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        webhook_id = d.pop("webhook_id", UNSET)

        message = d.pop("message", UNSET)

        ping_data = cls(
            webhook_id=webhook_id,
            message=message,
        )

        return ping_data

