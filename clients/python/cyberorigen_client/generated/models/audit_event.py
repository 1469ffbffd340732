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
  from ..models.audit_actor import AuditActor
  from ..models.audit_event_after_type_0 import AuditEventAfterType0
  from ..models.audit_event_before_type_0 import AuditEventBeforeType0





T = TypeVar("T", bound="AuditEvent")



@_attrs_define
class AuditEvent:
    """ 
        Attributes:
            id (str | Unset):  Example: aud_0c5e2b9a4f1d3e77.
            sequence (int | Unset): Position in the organization's chain: 1, 2, 3… without gaps.
            occurred_at (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
            action (str | Unset):  Example: scan.created.
            actor (AuditActor | Unset):
            source_address (None | str | Unset):  Example: 203.0.113.7.
            request_id (None | str | Unset):  Example: 5f0c2a9e81d34b6a.
            object_type (None | str | Unset):  Example: scan.
            object_id (None | str | Unset):  Example: scan_1f0c9a2b.
            before (AuditEventBeforeType0 | None | Unset): The fields that changed, as they were.
            after (AuditEventAfterType0 | None | Unset): The fields that changed, as they are now.
            previous_hash (str | Unset): The hash of the record before it in the chain.
            hash_ (str | Unset): SHA-256 (hex) of the record's canonical JSON, previous_hash included: see docs/audit.md.
     """

    id: str | Unset = UNSET
    sequence: int | Unset = UNSET
    occurred_at: datetime.datetime | Unset = UNSET
    action: str | Unset = UNSET
    actor: AuditActor | Unset = UNSET
    source_address: None | str | Unset = UNSET
    request_id: None | str | Unset = UNSET
    object_type: None | str | Unset = UNSET
    object_id: None | str | Unset = UNSET
    before: AuditEventBeforeType0 | None | Unset = UNSET
    after: AuditEventAfterType0 | None | Unset = UNSET
    previous_hash: str | Unset = UNSET
    hash_: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_actor import AuditActor # noqa: PLC0415
        from ..models.audit_event_after_type_0 import AuditEventAfterType0 # noqa: PLC0415
        from ..models.audit_event_before_type_0 import AuditEventBeforeType0 # noqa: PLC0415
        id = self.id

        sequence = self.sequence

        occurred_at: str | Unset = UNSET
        if not isinstance(self.occurred_at, Unset):
            occurred_at = self.occurred_at.isoformat()

        action = self.action

        actor: dict[str, Any] | Unset = UNSET
        if not isinstance(self.actor, Unset):
            actor = self.actor.to_dict()

        source_address: None | str | Unset
        if isinstance(self.source_address, Unset):
            source_address = UNSET
        else:
            source_address = self.source_address

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        object_type: None | str | Unset
        if isinstance(self.object_type, Unset):
            object_type = UNSET
        else:
            object_type = self.object_type

        object_id: None | str | Unset
        if isinstance(self.object_id, Unset):
            object_id = UNSET
        else:
            object_id = self.object_id

        before: dict[str, Any] | None | Unset
        if isinstance(self.before, Unset):
            before = UNSET
        elif isinstance(self.before, AuditEventBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        after: dict[str, Any] | None | Unset
        if isinstance(self.after, Unset):
            after = UNSET
        elif isinstance(self.after, AuditEventAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        previous_hash = self.previous_hash

        hash_ = self.hash_


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if sequence is not UNSET:
            field_dict["sequence"] = sequence
        if occurred_at is not UNSET:
            field_dict["occurred_at"] = occurred_at
        if action is not UNSET:
            field_dict["action"] = action
        if actor is not UNSET:
            field_dict["actor"] = actor
        if source_address is not UNSET:
            field_dict["source_address"] = source_address
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if object_type is not UNSET:
            field_dict["object_type"] = object_type
        if object_id is not UNSET:
            field_dict["object_id"] = object_id
        if before is not UNSET:
            field_dict["before"] = before
        if after is not UNSET:
            field_dict["after"] = after
        if previous_hash is not UNSET:
            field_dict["previous_hash"] = previous_hash
        if hash_ is not UNSET:
            field_dict["hash"] = hash_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_actor import AuditActor # noqa: PLC0415
        from ..models.audit_event_after_type_0 import AuditEventAfterType0 # noqa: PLC0415
        from ..models.audit_event_before_type_0 import AuditEventBeforeType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        sequence = d.pop("sequence", UNSET)

        _occurred_at = d.pop("occurred_at", UNSET)
        occurred_at: datetime.datetime | Unset
        if isinstance(_occurred_at,  Unset):
            occurred_at = UNSET
        else:
            occurred_at = datetime.datetime.fromisoformat(_occurred_at)




        action = d.pop("action", UNSET)

        _actor = d.pop("actor", UNSET)
        actor: AuditActor | Unset
        if isinstance(_actor,  Unset):
            actor = UNSET
        else:
            actor = AuditActor.from_dict(_actor)




        def _parse_source_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_address = _parse_source_address(d.pop("source_address", UNSET))


        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))


        def _parse_object_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        object_type = _parse_object_type(d.pop("object_type", UNSET))


        def _parse_object_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        object_id = _parse_object_id(d.pop("object_id", UNSET))


        def _parse_before(data: object) -> AuditEventBeforeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AuditEventBeforeType0.from_dict(data)



                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventBeforeType0 | None | Unset, data)

        before = _parse_before(d.pop("before", UNSET))


        def _parse_after(data: object) -> AuditEventAfterType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AuditEventAfterType0.from_dict(data)



                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventAfterType0 | None | Unset, data)

        after = _parse_after(d.pop("after", UNSET))


        previous_hash = d.pop("previous_hash", UNSET)

        hash_ = d.pop("hash", UNSET)

        audit_event = cls(
            id=id,
            sequence=sequence,
            occurred_at=occurred_at,
            action=action,
            actor=actor,
            source_address=source_address,
            request_id=request_id,
            object_type=object_type,
            object_id=object_id,
            before=before,
            after=after,
            previous_hash=previous_hash,
            hash_=hash_,
        )

        return audit_event

