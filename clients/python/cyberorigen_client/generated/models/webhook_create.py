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
  from ..models.webhook_create_config import WebhookCreateConfig





T = TypeVar("T", bound="WebhookCreate")



@_attrs_define
class WebhookCreate:
    """ 
        Attributes:
            events (list[str]): Any of: scan.started, scan.completed, scan.failed, vulnerability.found, scan.findings,
                finding.status_changed, control.status_changed, asset.discovered, service.discovered, evidence.reviewed,
                evidence.expiring, webhook.disabled, *
            url (str | Unset): Where to send (http and slack transports).
            secret (str | Unset): Signing secret (write-only): any string, or whsec_ and base64. Omit it to have one
                generated and shown once.
            transport (str | Unset): http, slack, email, syslog, ... Default: 'http'.
            config (WebhookCreateConfig | Unset): The transport's settings.
            filters (Filters | Unset):
     """

    events: list[str]
    url: str | Unset = UNSET
    secret: str | Unset = UNSET
    transport: str | Unset = 'http'
    config: WebhookCreateConfig | Unset = UNSET
    filters: Filters | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.filters import Filters # noqa: PLC0415
        from ..models.webhook_create_config import WebhookCreateConfig # noqa: PLC0415
        events = self.events



        url = self.url

        secret = self.secret

        transport = self.transport

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        filters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = self.filters.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "events": events,
        })
        if url is not UNSET:
            field_dict["url"] = url
        if secret is not UNSET:
            field_dict["secret"] = secret
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
        from ..models.webhook_create_config import WebhookCreateConfig # noqa: PLC0415
        d = dict(src_dict)
        events = cast(list[str], d.pop("events"))


        url = d.pop("url", UNSET)

        secret = d.pop("secret", UNSET)

        transport = d.pop("transport", UNSET)

        _config = d.pop("config", UNSET)
        config: WebhookCreateConfig | Unset
        if isinstance(_config,  Unset):
            config = UNSET
        else:
            config = WebhookCreateConfig.from_dict(_config)




        _filters = d.pop("filters", UNSET)
        filters: Filters | Unset
        if isinstance(_filters,  Unset):
            filters = UNSET
        else:
            filters = Filters.from_dict(_filters)




        webhook_create = cls(
            events=events,
            url=url,
            secret=secret,
            transport=transport,
            config=config,
            filters=filters,
        )

        return webhook_create

