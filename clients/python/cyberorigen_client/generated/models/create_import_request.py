from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..types import File, FileTypes
from ..types import UNSET, Unset
from io import BytesIO






T = TypeVar("T", bound="CreateImportRequest")



@_attrs_define
class CreateImportRequest:
    """ 
        Attributes:
            file (File):
            format_ (str | Unset):  Example: sarif.
            target (str | Unset):  Example: https://github.com/acme/app.
            asset (str | Unset):  Example: ast_abc123.
            frameworks (str | Unset):  Example: soc2,pci-dss.
     """

    file: File
    format_: str | Unset = UNSET
    target: str | Unset = UNSET
    asset: str | Unset = UNSET
    frameworks: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()


        format_ = self.format_

        target = self.target

        asset = self.asset

        frameworks = self.frameworks


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "file": file,
        })
        if format_ is not UNSET:
            field_dict["format"] = format_
        if target is not UNSET:
            field_dict["target"] = target
        if asset is not UNSET:
            field_dict["asset"] = asset
        if frameworks is not UNSET:
            field_dict["frameworks"] = frameworks

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))



        if not isinstance(self.format_, Unset):
            files.append(("format", (None, str(self.format_).encode(), "text/plain")))



        if not isinstance(self.target, Unset):
            files.append(("target", (None, str(self.target).encode(), "text/plain")))



        if not isinstance(self.asset, Unset):
            files.append(("asset", (None, str(self.asset).encode(), "text/plain")))



        if not isinstance(self.frameworks, Unset):
            files.append(("frameworks", (None, str(self.frameworks).encode(), "text/plain")))




        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))



        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(
             payload = BytesIO(d.pop("file"))
        )




        format_ = d.pop("format", UNSET)

        target = d.pop("target", UNSET)

        asset = d.pop("asset", UNSET)

        frameworks = d.pop("frameworks", UNSET)

        create_import_request = cls(
            file=file,
            format_=format_,
            target=target,
            asset=asset,
            frameworks=frameworks,
        )


        create_import_request.additional_properties = d
        return create_import_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
