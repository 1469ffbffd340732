from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="VulnsScannerOptions")



@_attrs_define
class VulnsScannerOptions:
    """ Options of the vulns scanner (Known vulnerabilities by product version).

        Attributes:
            feed (None | str | Unset): Absolute path, on the appliance, of the vulnerability feed (a JSON file of
                advisories, format 1: see the vulns plugin's README), in one of the operator's feed folders (environment
                CYBERORIGEN_VULNS_FEED_DIRS; default /var/lib/cyberorigen/feeds and /etc/cyberorigen/feeds). It must exist and
                parse when the scan is created, on the API's machine, and again when the scan runs, on the worker's. Default:
                the small example feed bundled with the appliance.
     """

    feed: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        feed: None | str | Unset
        if isinstance(self.feed, Unset):
            feed = UNSET
        else:
            feed = self.feed


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if feed is not UNSET:
            field_dict["feed"] = feed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_feed(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        feed = _parse_feed(d.pop("feed", UNSET))


        vulns_scanner_options = cls(
            feed=feed,
        )

        return vulns_scanner_options

