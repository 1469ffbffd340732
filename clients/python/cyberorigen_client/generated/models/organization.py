from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.organization_plan import OrganizationPlan
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.rate_limits import RateLimits





T = TypeVar("T", bound="Organization")



@_attrs_define
class Organization:
    """ 
        Attributes:
            id (str | Unset):
            name (str | Unset):
            plan (OrganizationPlan | Unset):
            hourly_limit (int | None | Unset): Custom hourly limit; null: the plan's.
            daily_limit (int | None | Unset): Custom daily limit; null: the plan's.
            rate_limits (RateLimits | Unset):
            created_at (datetime.datetime | Unset):  Example: 2025-12-21T10:00:00Z.
     """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    plan: OrganizationPlan | Unset = UNSET
    hourly_limit: int | None | Unset = UNSET
    daily_limit: int | None | Unset = UNSET
    rate_limits: RateLimits | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.rate_limits import RateLimits # noqa: PLC0415
        id = self.id

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

        rate_limits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rate_limits, Unset):
            rate_limits = self.rate_limits.to_dict()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if plan is not UNSET:
            field_dict["plan"] = plan
        if hourly_limit is not UNSET:
            field_dict["hourly_limit"] = hourly_limit
        if daily_limit is not UNSET:
            field_dict["daily_limit"] = daily_limit
        if rate_limits is not UNSET:
            field_dict["rate_limits"] = rate_limits
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rate_limits import RateLimits # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        _plan = d.pop("plan", UNSET)
        plan: OrganizationPlan | Unset
        if isinstance(_plan,  Unset):
            plan = UNSET
        else:
            plan = OrganizationPlan(_plan)




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


        _rate_limits = d.pop("rate_limits", UNSET)
        rate_limits: RateLimits | Unset
        if isinstance(_rate_limits,  Unset):
            rate_limits = UNSET
        else:
            rate_limits = RateLimits.from_dict(_rate_limits)




        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        organization = cls(
            id=id,
            name=name,
            plan=plan,
            hourly_limit=hourly_limit,
            daily_limit=daily_limit,
            rate_limits=rate_limits,
            created_at=created_at,
        )

        return organization

