from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.export_create_kind import ExportCreateKind
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.export_create_params import ExportCreateParams





T = TypeVar("T", bound="ExportCreate")



@_attrs_define
class ExportCreate:
    """ 
        Attributes:
            kind (ExportCreateKind): What to export: evidence_bundle, framework_report, executive_summary,
                statement_of_applicability. Example: evidence_bundle.
            params (ExportCreateParams | Unset): The kind's parameters: evidence_bundle takes framework, controls and
                include; framework_report framework and format (pdf, html); executive_summary frameworks and format;
                statement_of_applicability format (pdf, xlsx, html). Example: {'framework': 'soc2'}.
     """

    kind: ExportCreateKind
    params: ExportCreateParams | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.export_create_params import ExportCreateParams # noqa: PLC0415
        kind = self.kind.value

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
        })
        if params is not UNSET:
            field_dict["params"] = params

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.export_create_params import ExportCreateParams # noqa: PLC0415
        d = dict(src_dict)
        kind = ExportCreateKind(d.pop("kind"))




        _params = d.pop("params", UNSET)
        params: ExportCreateParams | Unset
        if isinstance(_params,  Unset):
            params = UNSET
        else:
            params = ExportCreateParams.from_dict(_params)




        export_create = cls(
            kind=kind,
            params=params,
        )

        return export_create

