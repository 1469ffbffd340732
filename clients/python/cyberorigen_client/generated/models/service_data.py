from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ServiceData")



@_attrs_define
class ServiceData:
    """ 
        Attributes:
            asset_id (str | Unset):  Example: ast_3c1d9e0f7a2b4c5d.
            service_id (str | Unset):  Example: svc_8e7d6c5b4a3f2e1d.
            address (str | Unset):  Example: 10.0.0.12:8443.
            port (int | Unset):  Example: 8443.
            transport (str | Unset):  Example: tcp.
            protocol (str | Unset):  Example: https.
            scan_id (str | Unset):  Example: scan_1f0c9a2b.
     """

    asset_id: str | Unset = UNSET
    service_id: str | Unset = UNSET
    address: str | Unset = UNSET
    port: int | Unset = UNSET
    transport: str | Unset = UNSET
    protocol: str | Unset = UNSET
    scan_id: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        asset_id = self.asset_id

        service_id = self.service_id

        address = self.address

        port = self.port

        transport = self.transport

        protocol = self.protocol

        scan_id = self.scan_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if asset_id is not UNSET:
            field_dict["asset_id"] = asset_id
        if service_id is not UNSET:
            field_dict["service_id"] = service_id
        if address is not UNSET:
            field_dict["address"] = address
        if port is not UNSET:
            field_dict["port"] = port
        if transport is not UNSET:
            field_dict["transport"] = transport
        if protocol is not UNSET:
            field_dict["protocol"] = protocol
        if scan_id is not UNSET:
            field_dict["scan_id"] = scan_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset_id = d.pop("asset_id", UNSET)

        service_id = d.pop("service_id", UNSET)

        address = d.pop("address", UNSET)

        port = d.pop("port", UNSET)

        transport = d.pop("transport", UNSET)

        protocol = d.pop("protocol", UNSET)

        scan_id = d.pop("scan_id", UNSET)

        service_data = cls(
            asset_id=asset_id,
            service_id=service_id,
            address=address,
            port=port,
            transport=transport,
            protocol=protocol,
            scan_id=scan_id,
        )

        return service_data

