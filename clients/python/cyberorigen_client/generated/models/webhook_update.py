from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.filters import Filters
  from ..models.webhook_update_config import WebhookUpdateConfig
  from ..models.webhook_update_filters_type_0_type_0 import WebhookUpdateFiltersType0Type0





T = TypeVar("T", bound="WebhookUpdate")



@_attrs_define
class WebhookUpdate:
    """ 
        Attributes:
            url (None | str | Unset):
            events (list[str] | Unset):
            active (bool | Unset):
            transport (str | Unset):
            config (WebhookUpdateConfig | Unset):
            filters (Filters | None | Unset | WebhookUpdateFiltersType0Type0):
     """

    url: None | str | Unset = UNSET
    events: list[str] | Unset = UNSET
    active: bool | Unset = UNSET
    transport: str | Unset = UNSET
    config: WebhookUpdateConfig | Unset = UNSET
    filters: Filters | None | Unset | WebhookUpdateFiltersType0Type0 = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.filters import Filters # noqa: PLC0415
        from ..models.webhook_update_config import WebhookUpdateConfig # noqa: PLC0415
        from ..models.webhook_update_filters_type_0_type_0 import WebhookUpdateFiltersType0Type0 # noqa: PLC0415
        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = self.events



        active = self.active

        transport = self.transport

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        filters: dict[str, Any] | None | Unset
        if isinstance(self.filters, Unset):
            filters = UNSET
        elif isinstance(self.filters, WebhookUpdateFiltersType0Type0):
            filters = self.filters.to_dict()
        elif isinstance(self.filters, Filters):
            filters = self.filters.to_dict()
        else:
            filters = self.filters


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if url is not UNSET:
            field_dict["url"] = url
        if events is not UNSET:
            field_dict["events"] = events
        if active is not UNSET:
            field_dict["active"] = active
        if transport is not UNSET:
            field_dict["transport"] = transport
        if config is not UNSET:
            field_dict["config"] = config
        if filters is not UNSET:
            field_dict["filters"] = filters

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.filters import Filters # noqa: PLC0415
        from ..models.webhook_update_config import WebhookUpdateConfig # noqa: PLC0415
        from ..models.webhook_update_filters_type_0_type_0 import WebhookUpdateFiltersType0Type0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))


        events = cast(list[str], d.pop("events", UNSET))


        active = d.pop("active", UNSET)

        transport = d.pop("transport", UNSET)

        _config = d.pop("config", UNSET)
        config: WebhookUpdateConfig | Unset
        if isinstance(_config,  Unset):
            config = UNSET
        else:
            config = WebhookUpdateConfig.from_dict(_config)




        def _parse_filters(data: object) -> Filters | None | Unset | WebhookUpdateFiltersType0Type0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                filters_type_0_type_0 = WebhookUpdateFiltersType0Type0.from_dict(data)



                return filters_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                filters_type_1 = Filters.from_dict(data)



                return filters_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Filters | None | Unset | WebhookUpdateFiltersType0Type0, data)

        filters = _parse_filters(d.pop("filters", UNSET))


        webhook_update = cls(
            url=url,
            events=events,
            active=active,
            transport=transport,
            config=config,
            filters=filters,
        )

        return webhook_update

