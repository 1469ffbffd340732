from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.webhook_event_finding_status_changed_type import WebhookEventFindingStatusChangedType
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.finding_status_data import FindingStatusData





T = TypeVar("T", bound="WebhookEventFindingStatusChanged")



@_attrs_define
class WebhookEventFindingStatusChanged:
    """ Webhook event finding.status_changed: a person changed a finding's status, or a scan no longer sees it (`fixed`)

        Attributes:
            id (str | Unset):  Example: evt_5d41402abc4b2a76.
            type_ (WebhookEventFindingStatusChangedType | Unset):
            created_at (datetime.datetime | Unset):
            data (FindingStatusData | Unset):
     """

    id: str | Unset = UNSET
    type_: WebhookEventFindingStatusChangedType | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    data: FindingStatusData | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.finding_status_data import FindingStatusData # noqa: PLC0415
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
        from ..models.finding_status_data import FindingStatusData # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: WebhookEventFindingStatusChangedType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = WebhookEventFindingStatusChangedType(_type_)




        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        _data = d.pop("data", UNSET)
        data: FindingStatusData | Unset
        if isinstance(_data,  Unset):
            data = UNSET
        else:
            data = FindingStatusData.from_dict(_data)




        webhook_event_finding_status_changed = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            data=data,
        )

        return webhook_event_finding_status_changed

