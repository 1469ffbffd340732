from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ScanDetailComplianceType0")



@_attrs_define
class ScanDetailComplianceType0:
    """ Per framework the scan named (by framework id): requirements its checks touched, passed and failed, with the
    findings behind each failure; the framework's checks the scan examined, and those it could not (no run of their
    scanner completed: they credit nothing). Null until the scan completes, or when it named no framework.

        Example:
            {'soc2-2017': {'requested_as': 'soc2', 'framework': 'SOC 2', 'version': '2017', 'requirements_touched': 6,
                'passed': 5, 'failed': 1, 'checks_examined': 14, 'checks_inconclusive': 3, 'failed_requirements': [{'id':
                'CC6.7', 'findings': ['fnd_9c2e']}]}}

     """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scan_detail_compliance_type_0 = cls(
        )


        scan_detail_compliance_type_0.additional_properties = d
        return scan_detail_compliance_type_0

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
