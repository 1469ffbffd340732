from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ScanData")



@_attrs_define
class ScanData:
    """ 
        Attributes:
            scan_id (str | Unset):  Example: scan_1f0c9a2b.
            target (str | Unset):  Example: example.com.
            scan_type (str | Unset):  Example: full.
            status (str | Unset):  Example: completed.
            vulnerabilities_found (int | Unset):
            frameworks (list[str] | Unset):  Example: ['soc2', 'pci-dss'].
            error (None | str | Unset):
     """

    scan_id: str | Unset = UNSET
    target: str | Unset = UNSET
    scan_type: str | Unset = UNSET
    status: str | Unset = UNSET
    vulnerabilities_found: int | Unset = UNSET
    frameworks: list[str] | Unset = UNSET
    error: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        scan_id = self.scan_id

        target = self.target

        scan_type = self.scan_type

        status = self.status

        vulnerabilities_found = self.vulnerabilities_found

        frameworks: list[str] | Unset = UNSET
        if not isinstance(self.frameworks, Unset):
            frameworks = self.frameworks



        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if scan_id is not UNSET:
            field_dict["scan_id"] = scan_id
        if target is not UNSET:
            field_dict["target"] = target
        if scan_type is not UNSET:
            field_dict["scan_type"] = scan_type
        if status is not UNSET:
            field_dict["status"] = status
        if vulnerabilities_found is not UNSET:
            field_dict["vulnerabilities_found"] = vulnerabilities_found
        if frameworks is not UNSET:
            field_dict["frameworks"] = frameworks
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scan_id = d.pop("scan_id", UNSET)

        target = d.pop("target", UNSET)

        scan_type = d.pop("scan_type", UNSET)

        status = d.pop("status", UNSET)

        vulnerabilities_found = d.pop("vulnerabilities_found", UNSET)

        frameworks = cast(list[str], d.pop("frameworks", UNSET))


        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        scan_data = cls(
            scan_id=scan_id,
            target=target,
            scan_type=scan_type,
            status=status,
            vulnerabilities_found=vulnerabilities_found,
            frameworks=frameworks,
            error=error,
        )

        return scan_data

