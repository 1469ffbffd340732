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
  from ..models.service import Service





T = TypeVar("T", bound="AssetDetail")



@_attrs_define
class AssetDetail:
    """ 
        Attributes:
            id (str | Unset):  Example: ast_3c1d9e0f7a2b4c5d.
            address (str | Unset):  Example: 10.0.0.12.
            names (list[str] | Unset):  Example: ['db1.example.com'].
            first_seen (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            last_seen (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            last_scan_id (str | Unset): The last scan that saw it.
            services (list[Service] | Unset):
     """

    id: str | Unset = UNSET
    address: str | Unset = UNSET
    names: list[str] | Unset = UNSET
    first_seen: datetime.datetime | Unset = UNSET
    last_seen: datetime.datetime | Unset = UNSET
    last_scan_id: str | Unset = UNSET
    services: list[Service] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.service import Service # noqa: PLC0415
        id = self.id

        address = self.address

        names: list[str] | Unset = UNSET
        if not isinstance(self.names, Unset):
            names = self.names



        first_seen: str | Unset = UNSET
        if not isinstance(self.first_seen, Unset):
            first_seen = self.first_seen.isoformat()

        last_seen: str | Unset = UNSET
        if not isinstance(self.last_seen, Unset):
            last_seen = self.last_seen.isoformat()

        last_scan_id = self.last_scan_id

        services: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.services, Unset):
            services = []
            for services_item_data in self.services:
                services_item = services_item_data.to_dict()
                services.append(services_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if address is not UNSET:
            field_dict["address"] = address
        if names is not UNSET:
            field_dict["names"] = names
        if first_seen is not UNSET:
            field_dict["first_seen"] = first_seen
        if last_seen is not UNSET:
            field_dict["last_seen"] = last_seen
        if last_scan_id is not UNSET:
            field_dict["last_scan_id"] = last_scan_id
        if services is not UNSET:
            field_dict["services"] = services

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.service import Service # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        address = d.pop("address", UNSET)

        names = cast(list[str], d.pop("names", UNSET))


        _first_seen = d.pop("first_seen", UNSET)
        first_seen: datetime.datetime | Unset
        if isinstance(_first_seen,  Unset):
            first_seen = UNSET
        else:
            first_seen = datetime.datetime.fromisoformat(_first_seen)




        _last_seen = d.pop("last_seen", UNSET)
        last_seen: datetime.datetime | Unset
        if isinstance(_last_seen,  Unset):
            last_seen = UNSET
        else:
            last_seen = datetime.datetime.fromisoformat(_last_seen)




        last_scan_id = d.pop("last_scan_id", UNSET)

        _services = d.pop("services", UNSET)
        services: list[Service] | Unset = UNSET
        if _services is not UNSET:
            services = []
            for services_item_data in _services:
                services_item = Service.from_dict(services_item_data)



                services.append(services_item)


        asset_detail = cls(
            id=id,
            address=address,
            names=names,
            first_seen=first_seen,
            last_seen=last_seen,
            last_scan_id=last_scan_id,
            services=services,
        )

        return asset_detail

