from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.user_update_role import UserUpdateRole
from ..types import UNSET, Unset






T = TypeVar("T", bound="UserUpdate")



@_attrs_define
class UserUpdate:
    """ 
        Attributes:
            password (str | Unset):
            role (UserUpdateRole | Unset):
            is_active (bool | Unset):
     """

    password: str | Unset = UNSET
    role: UserUpdateRole | Unset = UNSET
    is_active: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        password = self.password

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value


        is_active = self.is_active


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if password is not UNSET:
            field_dict["password"] = password
        if role is not UNSET:
            field_dict["role"] = role
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        password = d.pop("password", UNSET)

        _role = d.pop("role", UNSET)
        role: UserUpdateRole | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = UserUpdateRole(_role)




        is_active = d.pop("is_active", UNSET)

        user_update = cls(
            password=password,
            role=role,
            is_active=is_active,
        )

        return user_update

