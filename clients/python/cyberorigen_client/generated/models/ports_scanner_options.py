from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.ports_scanner_options_service_ports import PortsScannerOptionsServicePorts





T = TypeVar("T", bound="PortsScannerOptions")



@_attrs_define
class PortsScannerOptions:
    """ Options of the ports scanner (Network services).

        Attributes:
            ports (list[int | str] | None | str | Unset): TCP ports to scan: '22,80,443,8000-8100' or a list of ports and
                ranges, each 1-65535, at most 65,536 in all. Default: the first `top` ports of the built-in list of 1,000 common
                service ports.
            top (int | Unset): Without `ports`: how many of the built-in list's ports to scan, most common first (the quick
                profile uses 100). Default: 1000.
            allowlist (list[int | str] | str | Unset): The approved baseline: TCP ports expected to be open. When set, every
                other open port fires ports.unexpected_open. Default: empty, meaning no baseline, and unexpected ports are not
                reported.
            concurrency (int | Unset): Connections in flight at once, 1-2000 (default 200). Default: 200.
            timeout (float | Unset): Seconds per connection attempt and probe (default 2). Default: 2.0.
            banner_timeout (float | Unset): Connect scan only: seconds to wait for a service to speak first (and again for
                its answer to a HEAD request), default 1. Default: 1.0.
            use_nmap (bool | Unset): Use nmap when it is installed (default true): its connect scan (-sT) finds the open
                ports, then its version detection (-sV) runs on those only, bounded by version_timeout; false always uses the
                built-in connect scan. Default: True.
            nmap_versions (bool | Unset): With nmap: identify products and versions of the open ports with -sV (default
                true); false keeps nmap's connect scan only and the appliance's own probes. Default: True.
            version_timeout (float | Unset): With nmap: seconds -sV may spend on one host's open ports (probed at once, so
                it bounds each port), default 30. When it runs out, the ports found stay, identified by the appliance's own
                probes. Default: 30.0.
            version_intensity (int | Unset): With nmap: -sV's --version-intensity, 0 (fewest probes) to 9 (all), default 7
                (nmap's). Default: 7.
            service_ports (PortsScannerOptionsServicePorts | Unset): Services known to run on non-standard ports, e.g.
                {"2323": "telnet", "13389": "rdp"}. Used like the well-known port table, i.e. only when neither nmap nor the
                banner names the service (tests use it to stand for well-known ports that cannot be bound).
            snmp_ports (list[int | str] | str | Unset): UDP ports where SNMP is asked for sysDescr (default [161]; an empty
                list skips SNMP).
            snmp_communities (list[str] | Unset): Community strings tried over SNMPv2c (default ['public']).
     """

    ports: list[int | str] | None | str | Unset = UNSET
    top: int | Unset = 1000
    allowlist: list[int | str] | str | Unset = UNSET
    concurrency: int | Unset = 200
    timeout: float | Unset = 2.0
    banner_timeout: float | Unset = 1.0
    use_nmap: bool | Unset = True
    nmap_versions: bool | Unset = True
    version_timeout: float | Unset = 30.0
    version_intensity: int | Unset = 7
    service_ports: PortsScannerOptionsServicePorts | Unset = UNSET
    snmp_ports: list[int | str] | str | Unset = UNSET
    snmp_communities: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.ports_scanner_options_service_ports import PortsScannerOptionsServicePorts # noqa: PLC0415
        ports: list[int | str] | None | str | Unset
        if isinstance(self.ports, Unset):
            ports = UNSET
        elif isinstance(self.ports, list):
            ports = []
            for ports_type_1_type_0_item_data in self.ports:
                ports_type_1_type_0_item: int | str
                ports_type_1_type_0_item = ports_type_1_type_0_item_data
                ports.append(ports_type_1_type_0_item)


        else:
            ports = self.ports

        top = self.top

        allowlist: list[int | str] | str | Unset
        if isinstance(self.allowlist, Unset):
            allowlist = UNSET
        elif isinstance(self.allowlist, list):
            allowlist = []
            for allowlist_type_1_item_data in self.allowlist:
                allowlist_type_1_item: int | str
                allowlist_type_1_item = allowlist_type_1_item_data
                allowlist.append(allowlist_type_1_item)


        else:
            allowlist = self.allowlist

        concurrency = self.concurrency

        timeout = self.timeout

        banner_timeout = self.banner_timeout

        use_nmap = self.use_nmap

        nmap_versions = self.nmap_versions

        version_timeout = self.version_timeout

        version_intensity = self.version_intensity

        service_ports: dict[str, Any] | Unset = UNSET
        if not isinstance(self.service_ports, Unset):
            service_ports = self.service_ports.to_dict()

        snmp_ports: list[int | str] | str | Unset
        if isinstance(self.snmp_ports, Unset):
            snmp_ports = UNSET
        elif isinstance(self.snmp_ports, list):
            snmp_ports = []
            for snmp_ports_type_1_item_data in self.snmp_ports:
                snmp_ports_type_1_item: int | str
                snmp_ports_type_1_item = snmp_ports_type_1_item_data
                snmp_ports.append(snmp_ports_type_1_item)


        else:
            snmp_ports = self.snmp_ports

        snmp_communities: list[str] | Unset = UNSET
        if not isinstance(self.snmp_communities, Unset):
            snmp_communities = self.snmp_communities




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if ports is not UNSET:
            field_dict["ports"] = ports
        if top is not UNSET:
            field_dict["top"] = top
        if allowlist is not UNSET:
            field_dict["allowlist"] = allowlist
        if concurrency is not UNSET:
            field_dict["concurrency"] = concurrency
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if banner_timeout is not UNSET:
            field_dict["banner_timeout"] = banner_timeout
        if use_nmap is not UNSET:
            field_dict["use_nmap"] = use_nmap
        if nmap_versions is not UNSET:
            field_dict["nmap_versions"] = nmap_versions
        if version_timeout is not UNSET:
            field_dict["version_timeout"] = version_timeout
        if version_intensity is not UNSET:
            field_dict["version_intensity"] = version_intensity
        if service_ports is not UNSET:
            field_dict["service_ports"] = service_ports
        if snmp_ports is not UNSET:
            field_dict["snmp_ports"] = snmp_ports
        if snmp_communities is not UNSET:
            field_dict["snmp_communities"] = snmp_communities

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ports_scanner_options_service_ports import PortsScannerOptionsServicePorts # noqa: PLC0415
        d = dict(src_dict)
        def _parse_ports(data: object) -> list[int | str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ports_type_1_type_0 = []
                _ports_type_1_type_0 = data
                for ports_type_1_type_0_item_data in (_ports_type_1_type_0):
                    def _parse_ports_type_1_type_0_item(data: object) -> int | str:
                        return cast(int | str, data)

                    ports_type_1_type_0_item = _parse_ports_type_1_type_0_item(ports_type_1_type_0_item_data)

                    ports_type_1_type_0.append(ports_type_1_type_0_item)

                return ports_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int | str] | None | str | Unset, data)

        ports = _parse_ports(d.pop("ports", UNSET))


        top = d.pop("top", UNSET)

        def _parse_allowlist(data: object) -> list[int | str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowlist_type_1 = []
                _allowlist_type_1 = data
                for allowlist_type_1_item_data in (_allowlist_type_1):
                    def _parse_allowlist_type_1_item(data: object) -> int | str:
                        return cast(int | str, data)

                    allowlist_type_1_item = _parse_allowlist_type_1_item(allowlist_type_1_item_data)

                    allowlist_type_1.append(allowlist_type_1_item)

                return allowlist_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int | str] | str | Unset, data)

        allowlist = _parse_allowlist(d.pop("allowlist", UNSET))


        concurrency = d.pop("concurrency", UNSET)

        timeout = d.pop("timeout", UNSET)

        banner_timeout = d.pop("banner_timeout", UNSET)

        use_nmap = d.pop("use_nmap", UNSET)

        nmap_versions = d.pop("nmap_versions", UNSET)

        version_timeout = d.pop("version_timeout", UNSET)

        version_intensity = d.pop("version_intensity", UNSET)

        _service_ports = d.pop("service_ports", UNSET)
        service_ports: PortsScannerOptionsServicePorts | Unset
        if isinstance(_service_ports,  Unset):
            service_ports = UNSET
        else:
            service_ports = PortsScannerOptionsServicePorts.from_dict(_service_ports)




        def _parse_snmp_ports(data: object) -> list[int | str] | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                snmp_ports_type_1 = []
                _snmp_ports_type_1 = data
                for snmp_ports_type_1_item_data in (_snmp_ports_type_1):
                    def _parse_snmp_ports_type_1_item(data: object) -> int | str:
                        return cast(int | str, data)

                    snmp_ports_type_1_item = _parse_snmp_ports_type_1_item(snmp_ports_type_1_item_data)

                    snmp_ports_type_1.append(snmp_ports_type_1_item)

                return snmp_ports_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int | str] | str | Unset, data)

        snmp_ports = _parse_snmp_ports(d.pop("snmp_ports", UNSET))


        snmp_communities = cast(list[str], d.pop("snmp_communities", UNSET))


        ports_scanner_options = cls(
            ports=ports,
            top=top,
            allowlist=allowlist,
            concurrency=concurrency,
            timeout=timeout,
            banner_timeout=banner_timeout,
            use_nmap=use_nmap,
            nmap_versions=nmap_versions,
            version_timeout=version_timeout,
            version_intensity=version_intensity,
            service_ports=service_ports,
            snmp_ports=snmp_ports,
            snmp_communities=snmp_communities,
        )

        return ports_scanner_options

