from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WebhookDisabledData")



@_attrs_define
class WebhookDisabledData:
    """ 
        Attributes:
            webhook_id (str | Unset):  Example: wh_9a8b7c6d5e4f3a2b.
            url (None | str | Unset):
            reason (str | Unset):
     """

    webhook_id: str | Unset = UNSET
    url: None | str | Unset = UNSET
    reason: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        webhook_id = self.webhook_id

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if webhook_id is not UNSET:
            field_dict["webhook_id"] = webhook_id
        if url is not UNSET:
            field_dict["url"] = url
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        webhook_id = d.pop("webhook_id", UNSET)

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))


        reason = d.pop("reason", UNSET)

        webhook_disabled_data = cls(
            webhook_id=webhook_id,
            url=url,
            reason=reason,
        )

        return webhook_disabled_data

