from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.user_create_role import UserCreateRole
from ..types import UNSET, Unset






T = TypeVar("T", bound="UserCreate")



@_attrs_define
class UserCreate:
    """ 
        Attributes:
            email (str):
            password (str): 12+ chars
            role (UserCreateRole | Unset):  Default: UserCreateRole.VIEWER.
     """

    email: str
    password: str
    role: UserCreateRole | Unset = UserCreateRole.VIEWER





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "email": email,
            "password": password,
        })
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        _role = d.pop("role", UNSET)
        role: UserCreateRole | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = UserCreateRole(_role)




        user_create = cls(
            email=email,
            password=password,
            role=role,
        )

        return user_create

