from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.audit_event import AuditEvent





T = TypeVar("T", bound="AuditEventPage")



@_attrs_define
class AuditEventPage:
    """ 
        Attributes:
            items (list[AuditEvent]):
            total (int):
            page (int):
            per_page (int):
            pages (int):
     """

    items: list[AuditEvent]
    total: int
    page: int
    per_page: int
    pages: int





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_event import AuditEvent # noqa: PLC0415
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)



        total = self.total

        page = self.page

        per_page = self.per_page

        pages = self.pages


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "items": items,
            "total": total,
            "page": page,
            "per_page": per_page,
            "pages": pages,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event import AuditEvent # noqa: PLC0415
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in (_items):
            items_item = AuditEvent.from_dict(items_item_data)



            items.append(items_item)


        total = d.pop("total")

        page = d.pop("page")

        per_page = d.pop("per_page")

        pages = d.pop("pages")

        audit_event_page = cls(
            items=items,
            total=total,
            page=page,
            per_page=per_page,
            pages=pages,
        )

        return audit_event_page

