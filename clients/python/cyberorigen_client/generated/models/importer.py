from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Importer")



@_attrs_define
class Importer:
    """ 
        Attributes:
            name (str | Unset):  Example: sarif.
            title (str | Unset):  Example: SARIF 2.1.0.
            version (str | Unset):
            extensions (list[str] | Unset):  Example: ['.sarif'].
            names_targets (bool | Unset): Whether its files say what they are about (else: target).
            fingerprint (str | Unset): What identifies one of its findings from import to import.
            checks (list[str] | Unset):  Example: ['sarif.result'].
     """

    name: str | Unset = UNSET
    title: str | Unset = UNSET
    version: str | Unset = UNSET
    extensions: list[str] | Unset = UNSET
    names_targets: bool | Unset = UNSET
    fingerprint: str | Unset = UNSET
    checks: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        title = self.title

        version = self.version

        extensions: list[str] | Unset = UNSET
        if not isinstance(self.extensions, Unset):
            extensions = self.extensions



        names_targets = self.names_targets

        fingerprint = self.fingerprint

        checks: list[str] | Unset = UNSET
        if not isinstance(self.checks, Unset):
            checks = self.checks




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if title is not UNSET:
            field_dict["title"] = title
        if version is not UNSET:
            field_dict["version"] = version
        if extensions is not UNSET:
            field_dict["extensions"] = extensions
        if names_targets is not UNSET:
            field_dict["names_targets"] = names_targets
        if fingerprint is not UNSET:
            field_dict["fingerprint"] = fingerprint
        if checks is not UNSET:
            field_dict["checks"] = checks

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        title = d.pop("title", UNSET)

        version = d.pop("version", UNSET)

        extensions = cast(list[str], d.pop("extensions", UNSET))


        names_targets = d.pop("names_targets", UNSET)

        fingerprint = d.pop("fingerprint", UNSET)

        checks = cast(list[str], d.pop("checks", UNSET))


        importer = cls(
            name=name,
            title=title,
            version=version,
            extensions=extensions,
            names_targets=names_targets,
            fingerprint=fingerprint,
            checks=checks,
        )

        return importer

