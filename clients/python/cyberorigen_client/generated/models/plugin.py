from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.plugin_status import PluginStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Plugin")



@_attrs_define
class Plugin:
    """ 
        Attributes:
            name (str | Unset):  Example: http.
            distribution (None | str | Unset):  Example: cyberorigen.
            version (None | str | Unset):  Example: 0.1.0.
            status (PluginStatus | Unset):
            reason (None | str | Unset):
            api (None | str | Unset): Declared PLUGIN_API range.
            hooks (list[str] | Unset):
            scanners (list[str] | Unset):
            controls (list[str] | Unset):
            frameworks (list[str] | Unset):
            transports (list[str] | Unset):
            problems (list[str] | Unset): What its environment lacks.
     """

    name: str | Unset = UNSET
    distribution: None | str | Unset = UNSET
    version: None | str | Unset = UNSET
    status: PluginStatus | Unset = UNSET
    reason: None | str | Unset = UNSET
    api: None | str | Unset = UNSET
    hooks: list[str] | Unset = UNSET
    scanners: list[str] | Unset = UNSET
    controls: list[str] | Unset = UNSET
    frameworks: list[str] | Unset = UNSET
    transports: list[str] | Unset = UNSET
    problems: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        distribution: None | str | Unset
        if isinstance(self.distribution, Unset):
            distribution = UNSET
        else:
            distribution = self.distribution

        version: None | str | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        api: None | str | Unset
        if isinstance(self.api, Unset):
            api = UNSET
        else:
            api = self.api

        hooks: list[str] | Unset = UNSET
        if not isinstance(self.hooks, Unset):
            hooks = self.hooks



        scanners: list[str] | Unset = UNSET
        if not isinstance(self.scanners, Unset):
            scanners = self.scanners



        controls: list[str] | Unset = UNSET
        if not isinstance(self.controls, Unset):
            controls = self.controls



        frameworks: list[str] | Unset = UNSET
        if not isinstance(self.frameworks, Unset):
            frameworks = self.frameworks



        transports: list[str] | Unset = UNSET
        if not isinstance(self.transports, Unset):
            transports = self.transports



        problems: list[str] | Unset = UNSET
        if not isinstance(self.problems, Unset):
            problems = self.problems




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if distribution is not UNSET:
            field_dict["distribution"] = distribution
        if version is not UNSET:
            field_dict["version"] = version
        if status is not UNSET:
            field_dict["status"] = status
        if reason is not UNSET:
            field_dict["reason"] = reason
        if api is not UNSET:
            field_dict["api"] = api
        if hooks is not UNSET:
            field_dict["hooks"] = hooks
        if scanners is not UNSET:
            field_dict["scanners"] = scanners
        if controls is not UNSET:
            field_dict["controls"] = controls
        if frameworks is not UNSET:
            field_dict["frameworks"] = frameworks
        if transports is not UNSET:
            field_dict["transports"] = transports
        if problems is not UNSET:
            field_dict["problems"] = problems

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_distribution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        distribution = _parse_distribution(d.pop("distribution", UNSET))


        def _parse_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        version = _parse_version(d.pop("version", UNSET))


        _status = d.pop("status", UNSET)
        status: PluginStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = PluginStatus(_status)




        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_api(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        api = _parse_api(d.pop("api", UNSET))


        hooks = cast(list[str], d.pop("hooks", UNSET))


        scanners = cast(list[str], d.pop("scanners", UNSET))


        controls = cast(list[str], d.pop("controls", UNSET))


        frameworks = cast(list[str], d.pop("frameworks", UNSET))


        transports = cast(list[str], d.pop("transports", UNSET))


        problems = cast(list[str], d.pop("problems", UNSET))


        plugin = cls(
            name=name,
            distribution=distribution,
            version=version,
            status=status,
            reason=reason,
            api=api,
            hooks=hooks,
            scanners=scanners,
            controls=controls,
            frameworks=frameworks,
            transports=transports,
            problems=problems,
        )

        return plugin

