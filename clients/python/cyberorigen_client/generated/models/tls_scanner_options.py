from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TlsScannerOptions")



@_attrs_define
class TlsScannerOptions:
    """ Options of the tls scanner (TLS configuration and certificates (sslyze)).

        Attributes:
            ports (list[int] | None | Unset): TCP ports where TLS is scanned, each separately. Default: the URL's port for a
                URL target that names one, else [443].
            sni (None | str | Unset): Server name sent in the TLS SNI extension and matched against the certificate.
                Default: the target host when it is a host name (for IP targets the address itself is sent and matched).
            timeout (float | Unset): Seconds allowed for scanning each port, 1-600 (default 30); never beyond the scanner's
                own deadline. Each connection attempt gives up after at most 5 seconds. Default: 30.0.
            trust_store (None | str | Unset): PEM text of extra CA certificates to trust, on top of the Mozilla root store
                (for internal CAs and known self-signed certificates).
     """

    ports: list[int] | None | Unset = UNSET
    sni: None | str | Unset = UNSET
    timeout: float | Unset = 30.0
    trust_store: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        ports: list[int] | None | Unset
        if isinstance(self.ports, Unset):
            ports = UNSET
        elif isinstance(self.ports, list):
            ports = self.ports


        else:
            ports = self.ports

        sni: None | str | Unset
        if isinstance(self.sni, Unset):
            sni = UNSET
        else:
            sni = self.sni

        timeout = self.timeout

        trust_store: None | str | Unset
        if isinstance(self.trust_store, Unset):
            trust_store = UNSET
        else:
            trust_store = self.trust_store


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if ports is not UNSET:
            field_dict["ports"] = ports
        if sni is not UNSET:
            field_dict["sni"] = sni
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if trust_store is not UNSET:
            field_dict["trust_store"] = trust_store

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_ports(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                ports_type_0 = cast(list[int], data)

                return ports_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        ports = _parse_ports(d.pop("ports", UNSET))


        def _parse_sni(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sni = _parse_sni(d.pop("sni", UNSET))


        timeout = d.pop("timeout", UNSET)

        def _parse_trust_store(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trust_store = _parse_trust_store(d.pop("trust_store", UNSET))


        tls_scanner_options = cls(
            ports=ports,
            sni=sni,
            timeout=timeout,
            trust_store=trust_store,
        )

        return tls_scanner_options

