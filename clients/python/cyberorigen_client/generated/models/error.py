from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.error_errors import ErrorErrors





T = TypeVar("T", bound="Error")



@_attrs_define
class Error:
    """ 
        Attributes:
            detail (str): What went wrong, for a human.
            error_code (str): Stable UPPER_SNAKE code, listed in the README.
            field (None | str): The offending field (dotted path), or null.
            errors (ErrorErrors | Unset): 422 only: every offending field with its messages.
            request_id (str | Unset): 500 only: quote it when reporting.
     """

    detail: str
    error_code: str
    field: None | str
    errors: ErrorErrors | Unset = UNSET
    request_id: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.error_errors import ErrorErrors # noqa: PLC0415
        detail = self.detail

        error_code = self.error_code

        field: None | str
        field = self.field

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        request_id = self.request_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "detail": detail,
            "error_code": error_code,
            "field": field,
        })
        if errors is not UNSET:
            field_dict["errors"] = errors
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_errors import ErrorErrors # noqa: PLC0415
        d = dict(src_dict)
        detail = d.pop("detail")

        error_code = d.pop("error_code")

        def _parse_field(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        field = _parse_field(d.pop("field"))


        _errors = d.pop("errors", UNSET)
        errors: ErrorErrors | Unset
        if isinstance(_errors,  Unset):
            errors = UNSET
        else:
            errors = ErrorErrors.from_dict(_errors)




        request_id = d.pop("request_id", UNSET)

        error = cls(
            detail=detail,
            error_code=error_code,
            field=field,
            errors=errors,
            request_id=request_id,
        )

        return error

