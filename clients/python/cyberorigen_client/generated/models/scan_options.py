from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.dns_scanner_options import DnsScannerOptions
  from ..models.http_scanner_options import HttpScannerOptions
  from ..models.ports_scanner_options import PortsScannerOptions
  from ..models.ssh_scanner_options import SshScannerOptions
  from ..models.tls_scanner_options import TlsScannerOptions
  from ..models.vulns_scanner_options import VulnsScannerOptions





T = TypeVar("T", bound="ScanOptions")



@_attrs_define
class ScanOptions:
    """ Options per scanner, by the scanner's name; each scanner's own schema fills in its defaults, and a scan's profile
    may give some of them.

        Attributes:
            dns (DnsScannerOptions | Unset): Options of the dns scanner (DNS and e-mail security).
            http (HttpScannerOptions | Unset): Options of the http scanner (HTTP security headers).
            ports (PortsScannerOptions | Unset): Options of the ports scanner (Network services).
            smtp (DnsScannerOptions | Unset): Options of the dns scanner (DNS and e-mail security).
            ssh (SshScannerOptions | Unset): Options of the ssh scanner (SSH server configuration).
            tls (TlsScannerOptions | Unset): Options of the tls scanner (TLS configuration and certificates (sslyze)).
            vulns (VulnsScannerOptions | Unset): Options of the vulns scanner (Known vulnerabilities by product version).
     """

    dns: DnsScannerOptions | Unset = UNSET
    http: HttpScannerOptions | Unset = UNSET
    ports: PortsScannerOptions | Unset = UNSET
    smtp: DnsScannerOptions | Unset = UNSET
    ssh: SshScannerOptions | Unset = UNSET
    tls: TlsScannerOptions | Unset = UNSET
    vulns: VulnsScannerOptions | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.dns_scanner_options import DnsScannerOptions # noqa: PLC0415
        from ..models.http_scanner_options import HttpScannerOptions # noqa: PLC0415
        from ..models.ports_scanner_options import PortsScannerOptions # noqa: PLC0415
        from ..models.ssh_scanner_options import SshScannerOptions # noqa: PLC0415
        from ..models.tls_scanner_options import TlsScannerOptions # noqa: PLC0415
        from ..models.vulns_scanner_options import VulnsScannerOptions # noqa: PLC0415
        dns: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dns, Unset):
            dns = self.dns.to_dict()

        http: dict[str, Any] | Unset = UNSET
        if not isinstance(self.http, Unset):
            http = self.http.to_dict()

        ports: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ports, Unset):
            ports = self.ports.to_dict()

        smtp: dict[str, Any] | Unset = UNSET
        if not isinstance(self.smtp, Unset):
            smtp = self.smtp.to_dict()

        ssh: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ssh, Unset):
            ssh = self.ssh.to_dict()

        tls: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tls, Unset):
            tls = self.tls.to_dict()

        vulns: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vulns, Unset):
            vulns = self.vulns.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if dns is not UNSET:
            field_dict["dns"] = dns
        if http is not UNSET:
            field_dict["http"] = http
        if ports is not UNSET:
            field_dict["ports"] = ports
        if smtp is not UNSET:
            field_dict["smtp"] = smtp
        if ssh is not UNSET:
            field_dict["ssh"] = ssh
        if tls is not UNSET:
            field_dict["tls"] = tls
        if vulns is not UNSET:
            field_dict["vulns"] = vulns

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dns_scanner_options import DnsScannerOptions # noqa: PLC0415
        from ..models.http_scanner_options import HttpScannerOptions # noqa: PLC0415
        from ..models.ports_scanner_options import PortsScannerOptions # noqa: PLC0415
        from ..models.ssh_scanner_options import SshScannerOptions # noqa: PLC0415
        from ..models.tls_scanner_options import TlsScannerOptions # noqa: PLC0415
        from ..models.vulns_scanner_options import VulnsScannerOptions # noqa: PLC0415
        d = dict(src_dict)
        _dns = d.pop("dns", UNSET)
        dns: DnsScannerOptions | Unset
        if isinstance(_dns,  Unset):
            dns = UNSET
        else:
            dns = DnsScannerOptions.from_dict(_dns)




        _http = d.pop("http", UNSET)
        http: HttpScannerOptions | Unset
        if isinstance(_http,  Unset):
            http = UNSET
        else:
            http = HttpScannerOptions.from_dict(_http)




        _ports = d.pop("ports", UNSET)
        ports: PortsScannerOptions | Unset
        if isinstance(_ports,  Unset):
            ports = UNSET
        else:
            ports = PortsScannerOptions.from_dict(_ports)




        _smtp = d.pop("smtp", UNSET)
        smtp: DnsScannerOptions | Unset
        if isinstance(_smtp,  Unset):
            smtp = UNSET
        else:
            smtp = DnsScannerOptions.from_dict(_smtp)




        _ssh = d.pop("ssh", UNSET)
        ssh: SshScannerOptions | Unset
        if isinstance(_ssh,  Unset):
            ssh = UNSET
        else:
            ssh = SshScannerOptions.from_dict(_ssh)




        _tls = d.pop("tls", UNSET)
        tls: TlsScannerOptions | Unset
        if isinstance(_tls,  Unset):
            tls = UNSET
        else:
            tls = TlsScannerOptions.from_dict(_tls)




        _vulns = d.pop("vulns", UNSET)
        vulns: VulnsScannerOptions | Unset
        if isinstance(_vulns,  Unset):
            vulns = UNSET
        else:
            vulns = VulnsScannerOptions.from_dict(_vulns)




        scan_options = cls(
            dns=dns,
            http=http,
            ports=ports,
            smtp=smtp,
            ssh=ssh,
            tls=tls,
            vulns=vulns,
        )

        return scan_options

