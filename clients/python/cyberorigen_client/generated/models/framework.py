from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.framework_counts import FrameworkCounts





T = TypeVar("T", bound="Framework")



@_attrs_define
class Framework:
    """ 
        Attributes:
            id (str | Unset):  Example: soc2-2017.
            version (str | Unset):  Example: 2017.
            title (str | Unset):
            display_name (str | Unset):  Example: SOC 2.
            publisher (str | Unset):
            licence_note (str | Unset):
            aliases (list[str] | Unset):  Example: ['soc2'].
            counts (FrameworkCounts | Unset):
     """

    id: str | Unset = UNSET
    version: str | Unset = UNSET
    title: str | Unset = UNSET
    display_name: str | Unset = UNSET
    publisher: str | Unset = UNSET
    licence_note: str | Unset = UNSET
    aliases: list[str] | Unset = UNSET
    counts: FrameworkCounts | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.framework_counts import FrameworkCounts # noqa: PLC0415
        id = self.id

        version = self.version

        title = self.title

        display_name = self.display_name

        publisher = self.publisher

        licence_note = self.licence_note

        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases



        counts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.counts, Unset):
            counts = self.counts.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if version is not UNSET:
            field_dict["version"] = version
        if title is not UNSET:
            field_dict["title"] = title
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if publisher is not UNSET:
            field_dict["publisher"] = publisher
        if licence_note is not UNSET:
            field_dict["licence_note"] = licence_note
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if counts is not UNSET:
            field_dict["counts"] = counts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.framework_counts import FrameworkCounts # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        version = d.pop("version", UNSET)

        title = d.pop("title", UNSET)

        display_name = d.pop("display_name", UNSET)

        publisher = d.pop("publisher", UNSET)

        licence_note = d.pop("licence_note", UNSET)

        aliases = cast(list[str], d.pop("aliases", UNSET))


        _counts = d.pop("counts", UNSET)
        counts: FrameworkCounts | Unset
        if isinstance(_counts,  Unset):
            counts = UNSET
        else:
            counts = FrameworkCounts.from_dict(_counts)




        framework = cls(
            id=id,
            version=version,
            title=title,
            display_name=display_name,
            publisher=publisher,
            licence_note=licence_note,
            aliases=aliases,
            counts=counts,
        )

        return framework

