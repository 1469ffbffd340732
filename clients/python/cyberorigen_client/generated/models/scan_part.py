from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scan_part_status import ScanPartStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ScanPart")



@_attrs_define
class ScanPart:
    """ 
        Attributes:
            index (int | Unset):  Example: 0.
            hosts (int | Unset): How many hosts it has. Example: 16.
            status (ScanPartStatus | Unset):
            progress (int | Unset):  Example: 100.
            attempts (int | Unset): How often a job started it (a worker that died: again).
            worker (None | str | Unset): The host:pid that ran it last. Example: scanner-2:4711.
            finished_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
     """

    index: int | Unset = UNSET
    hosts: int | Unset = UNSET
    status: ScanPartStatus | Unset = UNSET
    progress: int | Unset = UNSET
    attempts: int | Unset = UNSET
    worker: None | str | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        index = self.index

        hosts = self.hosts

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        progress = self.progress

        attempts = self.attempts

        worker: None | str | Unset
        if isinstance(self.worker, Unset):
            worker = UNSET
        else:
            worker = self.worker

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if index is not UNSET:
            field_dict["index"] = index
        if hosts is not UNSET:
            field_dict["hosts"] = hosts
        if status is not UNSET:
            field_dict["status"] = status
        if progress is not UNSET:
            field_dict["progress"] = progress
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if worker is not UNSET:
            field_dict["worker"] = worker
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        index = d.pop("index", UNSET)

        hosts = d.pop("hosts", UNSET)

        _status = d.pop("status", UNSET)
        status: ScanPartStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ScanPartStatus(_status)




        progress = d.pop("progress", UNSET)

        attempts = d.pop("attempts", UNSET)

        def _parse_worker(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        worker = _parse_worker(d.pop("worker", UNSET))


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


        scan_part = cls(
            index=index,
            hosts=hosts,
            status=status,
            progress=progress,
            attempts=attempts,
            worker=worker,
            finished_at=finished_at,
        )

        return scan_part

