from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.control_update_override_type_1_type_0 import ControlUpdateOverrideType1Type0
  from ..models.override import Override





T = TypeVar("T", bound="ControlUpdate")



@_attrs_define
class ControlUpdate:
    """ 
        Attributes:
            applicable (bool | Unset):
            applicability_reason (None | str | Unset):
            owner_id (None | str | Unset): A user id, or null.
            override (ControlUpdateOverrideType1Type0 | None | Override | Unset): Set a status by hand with a reason; null
                removes it.
     """

    applicable: bool | Unset = UNSET
    applicability_reason: None | str | Unset = UNSET
    owner_id: None | str | Unset = UNSET
    override: ControlUpdateOverrideType1Type0 | None | Override | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.control_update_override_type_1_type_0 import ControlUpdateOverrideType1Type0 # noqa: PLC0415
        from ..models.override import Override # noqa: PLC0415
        applicable = self.applicable

        applicability_reason: None | str | Unset
        if isinstance(self.applicability_reason, Unset):
            applicability_reason = UNSET
        else:
            applicability_reason = self.applicability_reason

        owner_id: None | str | Unset
        if isinstance(self.owner_id, Unset):
            owner_id = UNSET
        else:
            owner_id = self.owner_id

        override: dict[str, Any] | None | Unset
        if isinstance(self.override, Unset):
            override = UNSET
        elif isinstance(self.override, Override):
            override = self.override.to_dict()
        elif isinstance(self.override, ControlUpdateOverrideType1Type0):
            override = self.override.to_dict()
        else:
            override = self.override


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if applicable is not UNSET:
            field_dict["applicable"] = applicable
        if applicability_reason is not UNSET:
            field_dict["applicability_reason"] = applicability_reason
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if override is not UNSET:
            field_dict["override"] = override

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.control_update_override_type_1_type_0 import ControlUpdateOverrideType1Type0 # noqa: PLC0415
        from ..models.override import Override # noqa: PLC0415
        d = dict(src_dict)
        applicable = d.pop("applicable", UNSET)

        def _parse_applicability_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        applicability_reason = _parse_applicability_reason(d.pop("applicability_reason", UNSET))


        def _parse_owner_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_id = _parse_owner_id(d.pop("owner_id", UNSET))


        def _parse_override(data: object) -> ControlUpdateOverrideType1Type0 | None | Override | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                override_type_0 = Override.from_dict(data)



                return override_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                override_type_1_type_0 = ControlUpdateOverrideType1Type0.from_dict(data)



                return override_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ControlUpdateOverrideType1Type0 | None | Override | Unset, data)

        override = _parse_override(d.pop("override", UNSET))


        control_update = cls(
            applicable=applicable,
            applicability_reason=applicability_reason,
            owner_id=owner_id,
            override=override,
        )

        return control_update

