from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.service_certificate import ServiceCertificate





T = TypeVar("T", bound="Service")



@_attrs_define
class Service:
    """ 
        Attributes:
            id (str | Unset):  Example: svc_8e7d6c5b4a3f2e1d.
            port (int | Unset):  Example: 8443.
            transport (str | Unset):  Example: tcp.
            protocol (str | Unset): What speaks there (http, https, ssh, smtp, ftp, redis, tls for TLS around something
                unidentified...), empty when it could not be told. Example: https.
            tls (bool | Unset): The port completed a TLS handshake.
            product (str | Unset):  Example: nginx.
            version (str | Unset):  Example: 1.24.0.
            banner (str | Unset): What it sent first (the first bytes).
            certificate (ServiceCertificate | Unset): For TLS: subject, issuer, not_after and names of its certificate (the
                tls scanner judges it).
            first_seen (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            last_seen (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
     """

    id: str | Unset = UNSET
    port: int | Unset = UNSET
    transport: str | Unset = UNSET
    protocol: str | Unset = UNSET
    tls: bool | Unset = UNSET
    product: str | Unset = UNSET
    version: str | Unset = UNSET
    banner: str | Unset = UNSET
    certificate: ServiceCertificate | Unset = UNSET
    first_seen: datetime.datetime | Unset = UNSET
    last_seen: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.service_certificate import ServiceCertificate # noqa: PLC0415
        id = self.id

        port = self.port

        transport = self.transport

        protocol = self.protocol

        tls = self.tls

        product = self.product

        version = self.version

        banner = self.banner

        certificate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.certificate, Unset):
            certificate = self.certificate.to_dict()

        first_seen: str | Unset = UNSET
        if not isinstance(self.first_seen, Unset):
            first_seen = self.first_seen.isoformat()

        last_seen: str | Unset = UNSET
        if not isinstance(self.last_seen, Unset):
            last_seen = self.last_seen.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if port is not UNSET:
            field_dict["port"] = port
        if transport is not UNSET:
            field_dict["transport"] = transport
        if protocol is not UNSET:
            field_dict["protocol"] = protocol
        if tls is not UNSET:
            field_dict["tls"] = tls
        if product is not UNSET:
            field_dict["product"] = product
        if version is not UNSET:
            field_dict["version"] = version
        if banner is not UNSET:
            field_dict["banner"] = banner
        if certificate is not UNSET:
            field_dict["certificate"] = certificate
        if first_seen is not UNSET:
            field_dict["first_seen"] = first_seen
        if last_seen is not UNSET:
            field_dict["last_seen"] = last_seen

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.service_certificate import ServiceCertificate # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        port = d.pop("port", UNSET)

        transport = d.pop("transport", UNSET)

        protocol = d.pop("protocol", UNSET)

        tls = d.pop("tls", UNSET)

        product = d.pop("product", UNSET)

        version = d.pop("version", UNSET)

        banner = d.pop("banner", UNSET)

        _certificate = d.pop("certificate", UNSET)
        certificate: ServiceCertificate | Unset
        if isinstance(_certificate,  Unset):
            certificate = UNSET
        else:
            certificate = ServiceCertificate.from_dict(_certificate)




        _first_seen = d.pop("first_seen", UNSET)
        first_seen: datetime.datetime | Unset
        if isinstance(_first_seen,  Unset):
            first_seen = UNSET
        else:
            first_seen = datetime.datetime.fromisoformat(_first_seen)




        _last_seen = d.pop("last_seen", UNSET)
        last_seen: datetime.datetime | Unset
        if isinstance(_last_seen,  Unset):
            last_seen = UNSET
        else:
            last_seen = datetime.datetime.fromisoformat(_last_seen)




        service = cls(
            id=id,
            port=port,
            transport=transport,
            protocol=protocol,
            tls=tls,
            product=product,
            version=version,
            banner=banner,
            certificate=certificate,
            first_seen=first_seen,
            last_seen=last_seen,
        )

        return service

