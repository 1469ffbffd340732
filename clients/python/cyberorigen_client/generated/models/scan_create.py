from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.scan_options import ScanOptions





T = TypeVar("T", bound="ScanCreate")



@_attrs_define
class ScanCreate:
    """ 
        Attributes:
            target (str): What to scan: a hostname, an IPv4/IPv6 address, an http(s) URL, host:port, a CIDR network
                (10.0.0.0/24) or a range (10.0.0.10-10.0.0.40), or a list of these separated by commas. Every address must be in
                the organization's scope (a network or range only when the scope covers all of it); one scan covers at most
                scope.max_scan_addresses addresses (4,096 by default). Example: example.com.
            scan_type (str | Unset): A scan profile: quick, full, web, tls, network, dns. Default: 'quick'.
            frameworks (list[str] | Unset): Compliance frameworks to assess, e.g. soc2, pci-dss.
            options (ScanOptions | Unset): Options per scanner, by the scanner's name; each scanner's own schema fills in
                its defaults, and a scan's profile may give some of them.
     """

    target: str
    scan_type: str | Unset = 'quick'
    frameworks: list[str] | Unset = UNSET
    options: ScanOptions | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.scan_options import ScanOptions # noqa: PLC0415
        target = self.target

        scan_type = self.scan_type

        frameworks: list[str] | Unset = UNSET
        if not isinstance(self.frameworks, Unset):
            frameworks = self.frameworks



        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "target": target,
        })
        if scan_type is not UNSET:
            field_dict["scan_type"] = scan_type
        if frameworks is not UNSET:
            field_dict["frameworks"] = frameworks
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scan_options import ScanOptions # noqa: PLC0415
        d = dict(src_dict)
        target = d.pop("target")

        scan_type = d.pop("scan_type", UNSET)

        frameworks = cast(list[str], d.pop("frameworks", UNSET))


        _options = d.pop("options", UNSET)
        options: ScanOptions | Unset
        if isinstance(_options,  Unset):
            options = UNSET
        else:
            options = ScanOptions.from_dict(_options)




        scan_create = cls(
            target=target,
            scan_type=scan_type,
            frameworks=frameworks,
            options=options,
        )

        return scan_create

