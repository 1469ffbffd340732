from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.filters import Filters
  from ..models.webhook_config import WebhookConfig





T = TypeVar("T", bound="Webhook")



@_attrs_define
class Webhook:
    """ 
        Attributes:
            id (str | Unset):  Example: wh_9a8b7c6d5e4f3a2b.
            url (None | str | Unset): Write-only where it is the credential (slack: only the origin is shown); a password in
                it is masked. Example: https://your-server.com/webhook.
            events (list[str] | Unset):  Example: ['scan.completed'].
            active (bool | Unset):
            created_at (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            transport (str | Unset):  Example: http.
            config (WebhookConfig | Unset): The transport's settings.
            filters (Filters | Unset):
            disabled_reason (None | str | Unset):
            disabled_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
            consecutive_failures (int | Unset):
            rotation_overlap_until (datetime.datetime | None | Unset): After a rotation: until when the old secret also
                signs. Example: 2025-12-21T10:00:00Z.
     """

    id: str | Unset = UNSET
    url: None | str | Unset = UNSET
    events: list[str] | Unset = UNSET
    active: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    transport: str | Unset = UNSET
    config: WebhookConfig | Unset = UNSET
    filters: Filters | Unset = UNSET
    disabled_reason: None | str | Unset = UNSET
    disabled_at: datetime.datetime | None | Unset = UNSET
    consecutive_failures: int | Unset = UNSET
    rotation_overlap_until: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.filters import Filters # noqa: PLC0415
        from ..models.webhook_config import WebhookConfig # noqa: PLC0415
        id = self.id

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = self.events



        active = self.active

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        transport = self.transport

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        filters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = self.filters.to_dict()

        disabled_reason: None | str | Unset
        if isinstance(self.disabled_reason, Unset):
            disabled_reason = UNSET
        else:
            disabled_reason = self.disabled_reason

        disabled_at: None | str | Unset
        if isinstance(self.disabled_at, Unset):
            disabled_at = UNSET
        elif isinstance(self.disabled_at, datetime.datetime):
            disabled_at = self.disabled_at.isoformat()
        else:
            disabled_at = self.disabled_at

        consecutive_failures = self.consecutive_failures

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
        if url is not UNSET:
            field_dict["url"] = url
        if events is not UNSET:
            field_dict["events"] = events
        if active is not UNSET:
            field_dict["active"] = active
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if transport is not UNSET:
            field_dict["transport"] = transport
        if config is not UNSET:
            field_dict["config"] = config
        if filters is not UNSET:
            field_dict["filters"] = filters
        if disabled_reason is not UNSET:
            field_dict["disabled_reason"] = disabled_reason
        if disabled_at is not UNSET:
            field_dict["disabled_at"] = disabled_at
        if consecutive_failures is not UNSET:
            field_dict["consecutive_failures"] = consecutive_failures
        if rotation_overlap_until is not UNSET:
            field_dict["rotation_overlap_until"] = rotation_overlap_until

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.filters import Filters # noqa: PLC0415
        from ..models.webhook_config import WebhookConfig # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))


        events = cast(list[str], d.pop("events", UNSET))


        active = d.pop("active", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        transport = d.pop("transport", UNSET)

        _config = d.pop("config", UNSET)
        config: WebhookConfig | Unset
        if isinstance(_config,  Unset):
            config = UNSET
        else:
            config = WebhookConfig.from_dict(_config)




        _filters = d.pop("filters", UNSET)
        filters: Filters | Unset
        if isinstance(_filters,  Unset):
            filters = UNSET
        else:
            filters = Filters.from_dict(_filters)




        def _parse_disabled_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason", UNSET))


        def _parse_disabled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                disabled_at_type_0 = datetime.datetime.fromisoformat(data)



                return disabled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at", UNSET))


        consecutive_failures = d.pop("consecutive_failures", UNSET)

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


        webhook = cls(
            id=id,
            url=url,
            events=events,
            active=active,
            created_at=created_at,
            transport=transport,
            config=config,
            filters=filters,
            disabled_reason=disabled_reason,
            disabled_at=disabled_at,
            consecutive_failures=consecutive_failures,
            rotation_overlap_until=rotation_overlap_until,
        )

        return webhook

