from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.organization_update_plan import OrganizationUpdatePlan
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OrganizationUpdate")



@_attrs_define
class OrganizationUpdate:
    """ 
        Attributes:
            name (str | Unset):
            plan (OrganizationUpdatePlan | Unset):
            hourly_limit (int | None | Unset):
            daily_limit (int | None | Unset):
     """

    name: str | Unset = UNSET
    plan: OrganizationUpdatePlan | Unset = UNSET
    hourly_limit: int | None | Unset = UNSET
    daily_limit: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        plan: str | Unset = UNSET
        if not isinstance(self.plan, Unset):
            plan = self.plan.value


        hourly_limit: int | None | Unset
        if isinstance(self.hourly_limit, Unset):
            hourly_limit = UNSET
        else:
            hourly_limit = self.hourly_limit

        daily_limit: int | None | Unset
        if isinstance(self.daily_limit, Unset):
            daily_limit = UNSET
        else:
            daily_limit = self.daily_limit


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if plan is not UNSET:
            field_dict["plan"] = plan
        if hourly_limit is not UNSET:
            field_dict["hourly_limit"] = hourly_limit
        if daily_limit is not UNSET:
            field_dict["daily_limit"] = daily_limit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _plan = d.pop("plan", UNSET)
        plan: OrganizationUpdatePlan | Unset
        if isinstance(_plan,  Unset):
            plan = UNSET
        else:
            plan = OrganizationUpdatePlan(_plan)




        def _parse_hourly_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hourly_limit = _parse_hourly_limit(d.pop("hourly_limit", UNSET))


        def _parse_daily_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        daily_limit = _parse_daily_limit(d.pop("daily_limit", UNSET))


        organization_update = cls(
            name=name,
            plan=plan,
            hourly_limit=hourly_limit,
            daily_limit=daily_limit,
        )

        return organization_update

