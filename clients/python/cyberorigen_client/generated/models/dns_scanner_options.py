from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DnsScannerOptions")



@_attrs_define
class DnsScannerOptions:
    """ Options of the dns scanner (DNS and e-mail security).

        Attributes:
            resolver (None | str | Unset): IP address of the resolver or authoritative server to ask: in the organization's
                scope, or allowed by the operator (scope.allowed_resolvers). Default: the system's resolvers.
            port (int | Unset): DNS port of the resolver and of the name servers (53). Default: 53.
            timeout (float | Unset): Seconds allowed per DNS question or SMTP exchange (5). Default: 5.0.
            smtp_port (int | Unset): Port on which MX hosts are asked for STARTTLS (25). Default: 25.
            subdomains (list[str] | Unset): Names under the domain also examined for dangling CNAMEs (default ['www']).
     """

    resolver: None | str | Unset = UNSET
    port: int | Unset = 53
    timeout: float | Unset = 5.0
    smtp_port: int | Unset = 25
    subdomains: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        resolver: None | str | Unset
        if isinstance(self.resolver, Unset):
            resolver = UNSET
        else:
            resolver = self.resolver

        port = self.port

        timeout = self.timeout

        smtp_port = self.smtp_port

        subdomains: list[str] | Unset = UNSET
        if not isinstance(self.subdomains, Unset):
            subdomains = self.subdomains




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if resolver is not UNSET:
            field_dict["resolver"] = resolver
        if port is not UNSET:
            field_dict["port"] = port
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if smtp_port is not UNSET:
            field_dict["smtp_port"] = smtp_port
        if subdomains is not UNSET:
            field_dict["subdomains"] = subdomains

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_resolver(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolver = _parse_resolver(d.pop("resolver", UNSET))


        port = d.pop("port", UNSET)

        timeout = d.pop("timeout", UNSET)

        smtp_port = d.pop("smtp_port", UNSET)

        subdomains = cast(list[str], d.pop("subdomains", UNSET))


        dns_scanner_options = cls(
            resolver=resolver,
            port=port,
            timeout=timeout,
            smtp_port=smtp_port,
            subdomains=subdomains,
        )

        return dns_scanner_options

