from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.webhook_event_scan_completed_type import WebhookEventScanCompletedType
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.scan_data import ScanData





T = TypeVar("T", bound="WebhookEventScanCompleted")



@_attrs_define
class WebhookEventScanCompleted:
    """ Webhook event scan.completed: a scan ended with a scanner that observed the target; its results are stored (the
    compliance summary is on `GET /api/v1/scans/{id}`)

        Attributes:
            id (str | Unset):  Example: evt_5d41402abc4b2a76.
            type_ (WebhookEventScanCompletedType | Unset):
            created_at (datetime.datetime | Unset):
            data (ScanData | Unset):
     """

    id: str | Unset = UNSET
    type_: WebhookEventScanCompletedType | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    data: ScanData | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.scan_data import ScanData # noqa: PLC0415
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
        from ..models.scan_data import ScanData # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: WebhookEventScanCompletedType | Unset
        if isinstance(_type_,  Unset):
            type_ = UNSET
        else:
            type_ = WebhookEventScanCompletedType(_type_)




        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        _data = d.pop("data", UNSET)
        data: ScanData | Unset
        if isinstance(_data,  Unset):
            data = UNSET
        else:
            data = ScanData.from_dict(_data)




        webhook_event_scan_completed = cls(
            id=id,
            type_=type_,
            created_at=created_at,
            data=data,
        )

        return webhook_event_scan_completed

