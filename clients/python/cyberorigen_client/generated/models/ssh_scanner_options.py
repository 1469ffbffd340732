from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="SshScannerOptions")



@_attrs_define
class SshScannerOptions:
    """ Options of the ssh scanner (SSH server configuration).

        Attributes:
            port (int | None | Unset): TCP port of the SSH service (default 22), for a target that names none: a host:port
                target or a discovered service is scanned on its own port.
            timeout (float | Unset): Seconds allowed for each of the scanner's two connections, 1-120 (default 10); never
                beyond the scanner's own deadline. Default: 10.0.
            username (str | Unset): User named in the 'none' authentication request whose refusal lists the accepted methods
                (default 'cyberorigen-scan', a user that should not exist). No password or key is ever sent. Default:
                'cyberorigen-scan'.
     """

    port: int | None | Unset = UNSET
    timeout: float | Unset = 10.0
    username: str | Unset = 'cyberorigen-scan'





    def to_dict(self) -> dict[str, Any]:
        port: int | None | Unset
        if isinstance(self.port, Unset):
            port = UNSET
        else:
            port = self.port

        timeout = self.timeout

        username = self.username


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if port is not UNSET:
            field_dict["port"] = port
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_port(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        port = _parse_port(d.pop("port", UNSET))


        timeout = d.pop("timeout", UNSET)

        username = d.pop("username", UNSET)

        ssh_scanner_options = cls(
            port=port,
            timeout=timeout,
            username=username,
        )

        return ssh_scanner_options

