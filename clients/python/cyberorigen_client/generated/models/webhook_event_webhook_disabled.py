from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.webhook_event_webhook_disabled_type import WebhookEventWebhookDisabledType
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.webhook_disabled_data import WebhookDisabledData





T = TypeVar("T", bound="WebhookEventWebhookDisabled")



@_attrs_define
class WebhookEventWebhookDisabled:
    """ Webhook event webhook.disabled: a webhook was disabled (410, or repeated failures)

        Attributes:
            id (str | Unset):  Example: evt_5d41402abc4b2a76.
            type_ (WebhookEventWebhookDisabledType | Unset):
            created_at (datetime.datetime | Unset):
            data (WebhookDisabledData | Unset):
     """

    id: str | Unset = UNSET
    type_: WebhookEventWebhookDisabledType | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    data: WebhookDisabledData | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.webhook_disabled_data import WebhookDisabledData # noqa: PLC0415
        id = self.id

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value


        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_disabled_data import WebhookDisabledData # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: WebhookEventWebhookDisabledType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = WebhookEventWebhookDisabledType(_type_)




        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        _data = d.pop("data", UNSET)
        data: WebhookDisabledData | Unset
        if isinstance(_data,  Unset):
            data = UNSET
        else:
            data = WebhookDisabledData.from_dict(_data)




        webhook_event_webhook_disabled = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            data=data,
        )

        return webhook_event_webhook_disabled

