from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.export_status import ExportStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.export_params import ExportParams





T = TypeVar("T", bound="Export")



@_attrs_define
class Export:
    """ 
        Attributes:
            id (str | Unset):  Example: exp_9a1b2c3d4e5f6a7b.
            kind (str | Unset):  Example: evidence_bundle.
            params (ExportParams | Unset):
            status (ExportStatus | Unset):
            progress (int | Unset): 0-100
            step (None | str | Unset): What it is doing now.
            error (None | str | Unset): Why it failed.
            filename (None | str | Unset):
            media_type (None | str | Unset):
            size (int | None | Unset):
            sha256 (None | str | Unset):
            created_at (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            finished_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
            expires_at (datetime.datetime | None | Unset): When the file is deleted. Example: 2025-12-21T10:00:00Z.
            download_url (None | str | Unset): Once done: a link that downloads the file without a token, for
                exports.link_seconds (ask the export again for a fresh one).
     """

    id: str | Unset = UNSET
    kind: str | Unset = UNSET
    params: ExportParams | Unset = UNSET
    status: ExportStatus | Unset = UNSET
    progress: int | Unset = UNSET
    step: None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    filename: None | str | Unset = UNSET
    media_type: None | str | Unset = UNSET
    size: int | None | Unset = UNSET
    sha256: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    download_url: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.export_params import ExportParams # noqa: PLC0415
        id = self.id

        kind = self.kind

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        progress = self.progress

        step: None | str | Unset
        if isinstance(self.step, Unset):
            step = UNSET
        else:
            step = self.step

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        filename: None | str | Unset
        if isinstance(self.filename, Unset):
            filename = UNSET
        else:
            filename = self.filename

        media_type: None | str | Unset
        if isinstance(self.media_type, Unset):
            media_type = UNSET
        else:
            media_type = self.media_type

        size: int | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        sha256: None | str | Unset
        if isinstance(self.sha256, Unset):
            sha256 = UNSET
        else:
            sha256 = self.sha256

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        download_url: None | str | Unset
        if isinstance(self.download_url, Unset):
            download_url = UNSET
        else:
            download_url = self.download_url


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if params is not UNSET:
            field_dict["params"] = params
        if status is not UNSET:
            field_dict["status"] = status
        if progress is not UNSET:
            field_dict["progress"] = progress
        if step is not UNSET:
            field_dict["step"] = step
        if error is not UNSET:
            field_dict["error"] = error
        if filename is not UNSET:
            field_dict["filename"] = filename
        if media_type is not UNSET:
            field_dict["media_type"] = media_type
        if size is not UNSET:
            field_dict["size"] = size
        if sha256 is not UNSET:
            field_dict["sha256"] = sha256
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if download_url is not UNSET:
            field_dict["download_url"] = download_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.export_params import ExportParams # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        kind = d.pop("kind", UNSET)

        _params = d.pop("params", UNSET)
        params: ExportParams | Unset
        if isinstance(_params,  Unset):
            params = UNSET
        else:
            params = ExportParams.from_dict(_params)




        _status = d.pop("status", UNSET)
        status: ExportStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ExportStatus(_status)




        progress = d.pop("progress", UNSET)

        def _parse_step(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        step = _parse_step(d.pop("step", UNSET))


        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        def _parse_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        filename = _parse_filename(d.pop("filename", UNSET))


        def _parse_media_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        media_type = _parse_media_type(d.pop("media_type", UNSET))


        def _parse_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size = _parse_size(d.pop("size", UNSET))


        def _parse_sha256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sha256 = _parse_sha256(d.pop("sha256", UNSET))


        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)



                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))


        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))


        def _parse_download_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        download_url = _parse_download_url(d.pop("download_url", UNSET))


        export = cls(
            id=id,
            kind=kind,
            params=params,
            status=status,
            progress=progress,
            step=step,
            error=error,
            filename=filename,
            media_type=media_type,
            size=size,
            sha256=sha256,
            created_at=created_at,
            finished_at=finished_at,
            expires_at=expires_at,
            download_url=download_url,
        )

        return export

