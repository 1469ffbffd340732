from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="HttpScannerOptions")



@_attrs_define
class HttpScannerOptions:
    """ Options of the http scanner (HTTP security headers).

        Attributes:
            port (int | None | Unset): Port of the target's own scheme (HTTPS for hostname and IP targets, the URL's scheme
                for URL targets). Default: the URL's port, else 443 for https and 80 for http. https_port and http_port take
                precedence over it.
            https_port (int | None | Unset): Port where HTTPS is tried. Default: port (or the URL's port) when the target's
                scheme is https, else 443.
            http_port (int | None | Unset): Port where plaintext HTTP is tried, for the redirect check and as the fallback
                when there is no HTTPS. Default: port (or the URL's port) when the target's scheme is http, else 80.
            paths (list[str] | None | Unset): Paths to examine, each fetched over HTTPS and HTTP. Default: the URL's path
                (and query) for a URL target, else ['/'].
            timeout (float | Unset): Seconds allowed per request, 1-120 (default 10); never beyond the scanner's own
                deadline. Default: 10.0.
            trust_store (None | str | Unset): PEM text of extra CA certificates to trust for HTTPS, on top of the system's
                (for internal CAs and self-signed certificates).
            verify_tls (bool | Unset): Verify the HTTPS certificate and host name (default false: a site is examined
                whatever its certificate, whose problems the tls scanner reports). When true, a certificate that does not verify
                stops the scan with an error. Default: False.
            crawl_depth (int | Unset): How many links away from the paths examined the scanner follows same-origin <a href>
                links, 0-3 (default 1; 0 crawls nothing). Crawled pages get the directory-listing check and, with
                probe_exposed_files, their directories are probed too. Never leaves the origin. Default: 1.
            crawl_max_pages (int | Unset): The most pages the crawl fetches, 1-200 (default 20). The crawl also stops when
                the scanner's deadline is near. Default: 20.
            probe_exposed_files (bool | Unset): Run the exposed-file checks (default false): request 9 well-known file paths
                (.git/HEAD, .env, backup.zip, db.sql...) and one random missing path to compare with, at the site's root and in
                up to 4 directories of the pages examined. Off by default because such requests look like an attack in the
                target's logs; when off, those checks are reported as not examined. Default: False.
     """

    port: int | None | Unset = UNSET
    https_port: int | None | Unset = UNSET
    http_port: int | None | Unset = UNSET
    paths: list[str] | None | Unset = UNSET
    timeout: float | Unset = 10.0
    trust_store: None | str | Unset = UNSET
    verify_tls: bool | Unset = False
    crawl_depth: int | Unset = 1
    crawl_max_pages: int | Unset = 20
    probe_exposed_files: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        port: int | None | Unset
        if isinstance(self.port, Unset):
            port = UNSET
        else:
            port = self.port

        https_port: int | None | Unset
        if isinstance(self.https_port, Unset):
            https_port = UNSET
        else:
            https_port = self.https_port

        http_port: int | None | Unset
        if isinstance(self.http_port, Unset):
            http_port = UNSET
        else:
            http_port = self.http_port

        paths: list[str] | None | Unset
        if isinstance(self.paths, Unset):
            paths = UNSET
        elif isinstance(self.paths, list):
            paths = self.paths


        else:
            paths = self.paths

        timeout = self.timeout

        trust_store: None | str | Unset
        if isinstance(self.trust_store, Unset):
            trust_store = UNSET
        else:
            trust_store = self.trust_store

        verify_tls = self.verify_tls

        crawl_depth = self.crawl_depth

        crawl_max_pages = self.crawl_max_pages

        probe_exposed_files = self.probe_exposed_files


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if port is not UNSET:
            field_dict["port"] = port
        if https_port is not UNSET:
            field_dict["https_port"] = https_port
        if http_port is not UNSET:
            field_dict["http_port"] = http_port
        if paths is not UNSET:
            field_dict["paths"] = paths
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if trust_store is not UNSET:
            field_dict["trust_store"] = trust_store
        if verify_tls is not UNSET:
            field_dict["verify_tls"] = verify_tls
        if crawl_depth is not UNSET:
            field_dict["crawl_depth"] = crawl_depth
        if crawl_max_pages is not UNSET:
            field_dict["crawl_max_pages"] = crawl_max_pages
        if probe_exposed_files is not UNSET:
            field_dict["probe_exposed_files"] = probe_exposed_files

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


        def _parse_https_port(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        https_port = _parse_https_port(d.pop("https_port", UNSET))


        def _parse_http_port(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        http_port = _parse_http_port(d.pop("http_port", UNSET))


        def _parse_paths(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                paths_type_0 = cast(list[str], data)

                return paths_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        paths = _parse_paths(d.pop("paths", UNSET))


        timeout = d.pop("timeout", UNSET)

        def _parse_trust_store(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        trust_store = _parse_trust_store(d.pop("trust_store", UNSET))


        verify_tls = d.pop("verify_tls", UNSET)

        crawl_depth = d.pop("crawl_depth", UNSET)

        crawl_max_pages = d.pop("crawl_max_pages", UNSET)

        probe_exposed_files = d.pop("probe_exposed_files", UNSET)

        http_scanner_options = cls(
            port=port,
            https_port=https_port,
            http_port=http_port,
            paths=paths,
            timeout=timeout,
            trust_store=trust_store,
            verify_tls=verify_tls,
            crawl_depth=crawl_depth,
            crawl_max_pages=crawl_max_pages,
            probe_exposed_files=probe_exposed_files,
        )

        return http_scanner_options

