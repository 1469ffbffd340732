from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.evidence_kind import EvidenceKind
from ..models.evidence_review_status import EvidenceReviewStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.evidence_decision import EvidenceDecision
  from ..models.evidence_details import EvidenceDetails





T = TypeVar("T", bound="Evidence")



@_attrs_define
class Evidence:
    """ 
        Attributes:
            id (str | Unset):  Example: evd_4f1a.
            control_id (str | Unset):
            kind (EvidenceKind | Unset):
            title (str | Unset):
            description (str | Unset):
            sha256 (None | str | Unset):
            size (int | None | Unset):
            filename (None | str | Unset):
            url (None | str | Unset):
            note (None | str | Unset):
            scan_id (None | str | Unset):
            details (EvidenceDetails | Unset):
            collected_at (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            effective_from (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            effective_until (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
            collected_by (None | str | Unset):
            created_at (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            deleted_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
            deleted_by (None | str | Unset):
            deletion_reason (None | str | Unset):
            review_status (EvidenceReviewStatus | Unset): Only accepted evidence counts toward the control. A file, link or
                note is submitted until a user with the auditor role or above, other than the one who added it, accepts or
                rejects it; a scan's results are accepted as attached.
            reviewed_by (None | str | Unset): The last reviewer's e-mail.
            reviewed_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
            review_comment (None | str | Unset):
            review_history (list[EvidenceDecision] | Unset): Every decision on it, oldest first.
     """

    id: str | Unset = UNSET
    control_id: str | Unset = UNSET
    kind: EvidenceKind | Unset = UNSET
    title: str | Unset = UNSET
    description: str | Unset = UNSET
    sha256: None | str | Unset = UNSET
    size: int | None | Unset = UNSET
    filename: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    note: None | str | Unset = UNSET
    scan_id: None | str | Unset = UNSET
    details: EvidenceDetails | Unset = UNSET
    collected_at: datetime.datetime | Unset = UNSET
    effective_from: datetime.datetime | Unset = UNSET
    effective_until: datetime.datetime | None | Unset = UNSET
    collected_by: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    deleted_at: datetime.datetime | None | Unset = UNSET
    deleted_by: None | str | Unset = UNSET
    deletion_reason: None | str | Unset = UNSET
    review_status: EvidenceReviewStatus | Unset = UNSET
    reviewed_by: None | str | Unset = UNSET
    reviewed_at: datetime.datetime | None | Unset = UNSET
    review_comment: None | str | Unset = UNSET
    review_history: list[EvidenceDecision] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.evidence_decision import EvidenceDecision # noqa: PLC0415
        from ..models.evidence_details import EvidenceDetails # noqa: PLC0415
        id = self.id

        control_id = self.control_id

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        title = self.title

        description = self.description

        sha256: None | str | Unset
        if isinstance(self.sha256, Unset):
            sha256 = UNSET
        else:
            sha256 = self.sha256

        size: int | None | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        filename: None | str | Unset
        if isinstance(self.filename, Unset):
            filename = UNSET
        else:
            filename = self.filename

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        scan_id: None | str | Unset
        if isinstance(self.scan_id, Unset):
            scan_id = UNSET
        else:
            scan_id = self.scan_id

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        collected_at: str | Unset = UNSET
        if not isinstance(self.collected_at, Unset):
            collected_at = self.collected_at.isoformat()

        effective_from: str | Unset = UNSET
        if not isinstance(self.effective_from, Unset):
            effective_from = self.effective_from.isoformat()

        effective_until: None | str | Unset
        if isinstance(self.effective_until, Unset):
            effective_until = UNSET
        elif isinstance(self.effective_until, datetime.datetime):
            effective_until = self.effective_until.isoformat()
        else:
            effective_until = self.effective_until

        collected_by: None | str | Unset
        if isinstance(self.collected_by, Unset):
            collected_by = UNSET
        else:
            collected_by = self.collected_by

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        deleted_at: None | str | Unset
        if isinstance(self.deleted_at, Unset):
            deleted_at = UNSET
        elif isinstance(self.deleted_at, datetime.datetime):
            deleted_at = self.deleted_at.isoformat()
        else:
            deleted_at = self.deleted_at

        deleted_by: None | str | Unset
        if isinstance(self.deleted_by, Unset):
            deleted_by = UNSET
        else:
            deleted_by = self.deleted_by

        deletion_reason: None | str | Unset
        if isinstance(self.deletion_reason, Unset):
            deletion_reason = UNSET
        else:
            deletion_reason = self.deletion_reason

        review_status: str | Unset = UNSET
        if not isinstance(self.review_status, Unset):
            review_status = self.review_status.value


        reviewed_by: None | str | Unset
        if isinstance(self.reviewed_by, Unset):
            reviewed_by = UNSET
        else:
            reviewed_by = self.reviewed_by

        reviewed_at: None | str | Unset
        if isinstance(self.reviewed_at, Unset):
            reviewed_at = UNSET
        elif isinstance(self.reviewed_at, datetime.datetime):
            reviewed_at = self.reviewed_at.isoformat()
        else:
            reviewed_at = self.reviewed_at

        review_comment: None | str | Unset
        if isinstance(self.review_comment, Unset):
            review_comment = UNSET
        else:
            review_comment = self.review_comment

        review_history: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.review_history, Unset):
            review_history = []
            for review_history_item_data in self.review_history:
                review_history_item = review_history_item_data.to_dict()
                review_history.append(review_history_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if control_id is not UNSET:
            field_dict["control_id"] = control_id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if sha256 is not UNSET:
            field_dict["sha256"] = sha256
        if size is not UNSET:
            field_dict["size"] = size
        if filename is not UNSET:
            field_dict["filename"] = filename
        if url is not UNSET:
            field_dict["url"] = url
        if note is not UNSET:
            field_dict["note"] = note
        if scan_id is not UNSET:
            field_dict["scan_id"] = scan_id
        if details is not UNSET:
            field_dict["details"] = details
        if collected_at is not UNSET:
            field_dict["collected_at"] = collected_at
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if effective_until is not UNSET:
            field_dict["effective_until"] = effective_until
        if collected_by is not UNSET:
            field_dict["collected_by"] = collected_by
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if deleted_at is not UNSET:
            field_dict["deleted_at"] = deleted_at
        if deleted_by is not UNSET:
            field_dict["deleted_by"] = deleted_by
        if deletion_reason is not UNSET:
            field_dict["deletion_reason"] = deletion_reason
        if review_status is not UNSET:
            field_dict["review_status"] = review_status
        if reviewed_by is not UNSET:
            field_dict["reviewed_by"] = reviewed_by
        if reviewed_at is not UNSET:
            field_dict["reviewed_at"] = reviewed_at
        if review_comment is not UNSET:
            field_dict["review_comment"] = review_comment
        if review_history is not UNSET:
            field_dict["review_history"] = review_history

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evidence_decision import EvidenceDecision # noqa: PLC0415
        from ..models.evidence_details import EvidenceDetails # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        control_id = d.pop("control_id", UNSET)

        _kind = d.pop("kind", UNSET)
        kind: EvidenceKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = EvidenceKind(_kind)




        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        def _parse_sha256(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sha256 = _parse_sha256(d.pop("sha256", UNSET))


        def _parse_size(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        size = _parse_size(d.pop("size", UNSET))


        def _parse_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        filename = _parse_filename(d.pop("filename", UNSET))


        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        def _parse_scan_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scan_id = _parse_scan_id(d.pop("scan_id", UNSET))


        _details = d.pop("details", UNSET)
        details: EvidenceDetails | Unset
        if isinstance(_details,  Unset):
            details = UNSET
        else:
            details = EvidenceDetails.from_dict(_details)




        _collected_at = d.pop("collected_at", UNSET)
        collected_at: datetime.datetime | Unset
        if isinstance(_collected_at,  Unset):
            collected_at = UNSET
        else:
            collected_at = datetime.datetime.fromisoformat(_collected_at)




        _effective_from = d.pop("effective_from", UNSET)
        effective_from: datetime.datetime | Unset
        if isinstance(_effective_from,  Unset):
            effective_from = UNSET
        else:
            effective_from = datetime.datetime.fromisoformat(_effective_from)




        def _parse_effective_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_until_type_0 = datetime.datetime.fromisoformat(data)



                return effective_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        effective_until = _parse_effective_until(d.pop("effective_until", UNSET))


        def _parse_collected_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        collected_by = _parse_collected_by(d.pop("collected_by", UNSET))


        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        def _parse_deleted_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deleted_at_type_0 = datetime.datetime.fromisoformat(data)



                return deleted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        deleted_at = _parse_deleted_at(d.pop("deleted_at", UNSET))


        def _parse_deleted_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        deleted_by = _parse_deleted_by(d.pop("deleted_by", UNSET))


        def _parse_deletion_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        deletion_reason = _parse_deletion_reason(d.pop("deletion_reason", UNSET))


        _review_status = d.pop("review_status", UNSET)
        review_status: EvidenceReviewStatus | Unset
        if isinstance(_review_status,  Unset):
            review_status = UNSET
        else:
            review_status = EvidenceReviewStatus(_review_status)




        def _parse_reviewed_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reviewed_by = _parse_reviewed_by(d.pop("reviewed_by", UNSET))


        def _parse_reviewed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reviewed_at_type_0 = datetime.datetime.fromisoformat(data)



                return reviewed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        reviewed_at = _parse_reviewed_at(d.pop("reviewed_at", UNSET))


        def _parse_review_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        review_comment = _parse_review_comment(d.pop("review_comment", UNSET))


        _review_history = d.pop("review_history", UNSET)
        review_history: list[EvidenceDecision] | Unset = UNSET
        if _review_history is not UNSET:
            review_history = []
            for review_history_item_data in _review_history:
                review_history_item = EvidenceDecision.from_dict(review_history_item_data)



                review_history.append(review_history_item)


        evidence = cls(
            id=id,
            control_id=control_id,
            kind=kind,
            title=title,
            description=description,
            sha256=sha256,
            size=size,
            filename=filename,
            url=url,
            note=note,
            scan_id=scan_id,
            details=details,
            collected_at=collected_at,
            effective_from=effective_from,
            effective_until=effective_until,
            collected_by=collected_by,
            created_at=created_at,
            deleted_at=deleted_at,
            deleted_by=deleted_by,
            deletion_reason=deletion_reason,
            review_status=review_status,
            reviewed_by=reviewed_by,
            reviewed_at=reviewed_at,
            review_comment=review_comment,
            review_history=review_history,
        )

        return evidence

