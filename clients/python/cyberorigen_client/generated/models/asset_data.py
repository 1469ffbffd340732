from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AssetData")



@_attrs_define
class AssetData:
    """ 
        Attributes:
            asset_id (str | Unset):  Example: ast_3c1d9e0f7a2b4c5d.
            address (str | Unset):  Example: 10.0.0.12.
            names (list[str] | Unset):  Example: ['db1.example.com'].
            scan_id (str | Unset):  Example: scan_1f0c9a2b.
     """

    asset_id: str | Unset = UNSET
    address: str | Unset = UNSET
    names: list[str] | Unset = UNSET
    scan_id: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        asset_id = self.asset_id

        address = self.address

        names: list[str] | Unset = UNSET
        if not isinstance(self.names, Unset):
            names = self.names



        scan_id = self.scan_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if asset_id is not UNSET:
            field_dict["asset_id"] = asset_id
        if address is not UNSET:
            field_dict["address"] = address
        if names is not UNSET:
            field_dict["names"] = names
        if scan_id is not UNSET:
            field_dict["scan_id"] = scan_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        asset_id = d.pop("asset_id", UNSET)

        address = d.pop("address", UNSET)

        names = cast(list[str], d.pop("names", UNSET))


        scan_id = d.pop("scan_id", UNSET)

        asset_data = cls(
            asset_id=asset_id,
            address=address,
            names=names,
            scan_id=scan_id,
        )

        return asset_data

