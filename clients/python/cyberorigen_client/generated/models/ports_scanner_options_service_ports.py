from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ports_scanner_options_service_ports_additional_property import PortsScannerOptionsServicePortsAdditionalProperty






T = TypeVar("T", bound="PortsScannerOptionsServicePorts")



@_attrs_define
class PortsScannerOptionsServicePorts:
    """ Services known to run on non-standard ports, e.g. {"2323": "telnet", "13389": "rdp"}. Used like the well-known port
    table, i.e. only when neither nmap nor the banner names the service (tests use it to stand for well-known ports that
    cannot be bound).

     """

    additional_properties: dict[str, PortsScannerOptionsServicePortsAdditionalProperty] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        
        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.value


        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ports_scanner_options_service_ports = cls(
        )


        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = PortsScannerOptionsServicePortsAdditionalProperty(prop_dict)



            additional_properties[prop_name] = additional_property

        ports_scanner_options_service_ports.additional_properties = additional_properties
        return ports_scanner_options_service_ports

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> PortsScannerOptionsServicePortsAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: PortsScannerOptionsServicePortsAdditionalProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
