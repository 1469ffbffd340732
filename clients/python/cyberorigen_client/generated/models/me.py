from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.me_authenticated_by import MeAuthenticatedBy
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.me_organization import MeOrganization





T = TypeVar("T", bound="Me")



@_attrs_define
class Me:
    """ 
        Attributes:
            id (str | Unset):
            email (str | Unset):
            role (str | Unset):
            authenticated_by (MeAuthenticatedBy | Unset):
            organization (MeOrganization | Unset):
            token_expires_at (datetime.datetime | None | Unset):  Example: 2025-12-21T10:00:00Z.
     """

    id: str | Unset = UNSET
    email: str | Unset = UNSET
    role: str | Unset = UNSET
    authenticated_by: MeAuthenticatedBy | Unset = UNSET
    organization: MeOrganization | Unset = UNSET
    token_expires_at: datetime.datetime | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.me_organization import MeOrganization # noqa: PLC0415
        id = self.id

        email = self.email

        role = self.role

        authenticated_by: str | Unset = UNSET
        if not isinstance(self.authenticated_by, Unset):
            authenticated_by = self.authenticated_by.value


        organization: dict[str, Any] | Unset = UNSET
        if not isinstance(self.organization, Unset):
            organization = self.organization.to_dict()

        token_expires_at: None | str | Unset
        if isinstance(self.token_expires_at, Unset):
            token_expires_at = UNSET
        elif isinstance(self.token_expires_at, datetime.datetime):
            token_expires_at = self.token_expires_at.isoformat()
        else:
            token_expires_at = self.token_expires_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if email is not UNSET:
            field_dict["email"] = email
        if role is not UNSET:
            field_dict["role"] = role
        if authenticated_by is not UNSET:
            field_dict["authenticated_by"] = authenticated_by
        if organization is not UNSET:
            field_dict["organization"] = organization
        if token_expires_at is not UNSET:
            field_dict["token_expires_at"] = token_expires_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.me_organization import MeOrganization # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        email = d.pop("email", UNSET)

        role = d.pop("role", UNSET)

        _authenticated_by = d.pop("authenticated_by", UNSET)
        authenticated_by: MeAuthenticatedBy | Unset
        if isinstance(_authenticated_by,  Unset):
            authenticated_by = UNSET
        else:
            authenticated_by = MeAuthenticatedBy(_authenticated_by)




        _organization = d.pop("organization", UNSET)
        organization: MeOrganization | Unset
        if isinstance(_organization,  Unset):
            organization = UNSET
        else:
            organization = MeOrganization.from_dict(_organization)




        def _parse_token_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                token_expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return token_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        token_expires_at = _parse_token_expires_at(d.pop("token_expires_at", UNSET))


        me = cls(
            id=id,
            email=email,
            role=role,
            authenticated_by=authenticated_by,
            organization=organization,
            token_expires_at=token_expires_at,
        )

        return me

