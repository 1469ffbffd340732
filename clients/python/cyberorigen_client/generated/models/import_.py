from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.scan_detail import ScanDetail





T = TypeVar("T", bound="Import")



@_attrs_define
class Import:
    """ 
        Attributes:
            format_ (str | Unset):  Example: sarif.
            title (str | Unset):  Example: SARIF 2.1.0.
            findings (int | Unset): Findings read from the file.
            merged (int | Unset): Items of the file that repeat a finding already read from it (same fingerprint: the same
                rule in the same file twice): counted once.
            new (int | Unset): Of them, new for their target or seen again after a fix.
            resolved (int | Unset): Open findings of the same format on the same targets that the file no longer reports:
                now fixed.
            services (int | Unset): Services listed (nmap).
            targets (list[str] | Unset):  Example: ['https://github.com/acme/app'].
            scan (ScanDetail | Unset):
     """

    format_: str | Unset = UNSET
    title: str | Unset = UNSET
    findings: int | Unset = UNSET
    merged: int | Unset = UNSET
    new: int | Unset = UNSET
    resolved: int | Unset = UNSET
    services: int | Unset = UNSET
    targets: list[str] | Unset = UNSET
    scan: ScanDetail | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.scan_detail import ScanDetail # noqa: PLC0415
        format_ = self.format_

        title = self.title

        findings = self.findings

        merged = self.merged

        new = self.new

        resolved = self.resolved

        services = self.services

        targets: list[str] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = self.targets



        scan: dict[str, Any] | Unset = UNSET
        if not isinstance(self.scan, Unset):
            scan = self.scan.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if format_ is not UNSET:
            field_dict["format"] = format_
        if title is not UNSET:
            field_dict["title"] = title
        if findings is not UNSET:
            field_dict["findings"] = findings
        if merged is not UNSET:
            field_dict["merged"] = merged
        if new is not UNSET:
            field_dict["new"] = new
        if resolved is not UNSET:
            field_dict["resolved"] = resolved
        if services is not UNSET:
            field_dict["services"] = services
        if targets is not UNSET:
            field_dict["targets"] = targets
        if scan is not UNSET:
            field_dict["scan"] = scan

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scan_detail import ScanDetail # noqa: PLC0415
        d = dict(src_dict)
        format_ = d.pop("format", UNSET)

        title = d.pop("title", UNSET)

        findings = d.pop("findings", UNSET)

        merged = d.pop("merged", UNSET)

        new = d.pop("new", UNSET)

        resolved = d.pop("resolved", UNSET)

        services = d.pop("services", UNSET)

        targets = cast(list[str], d.pop("targets", UNSET))


        _scan = d.pop("scan", UNSET)
        scan: ScanDetail | Unset
        if isinstance(_scan,  Unset):
            scan = UNSET
        else:
            scan = ScanDetail.from_dict(_scan)




        import_ = cls(
            format_=format_,
            title=title,
            findings=findings,
            merged=merged,
            new=new,
            resolved=resolved,
            services=services,
            targets=targets,
            scan=scan,
        )

        return import_

