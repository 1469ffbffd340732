"""Just enough SNMP to ask an agent for sysDescr: an SNMPv2c GetRequest built by hand in BER,
and a reader for the GetResponse.

SNMPv2c message: SEQUENCE { INTEGER version (1 = v2c), OCTET STRING community,
GetRequest-PDU [A0] { INTEGER request-id, INTEGER 0, INTEGER 0,
SEQUENCE { SEQUENCE { OID 1.3.6.1.2.1.1.1.0, NULL } } } }. The answer has the same shape with
a GetResponse-PDU [A2] and the value in place of NULL.
"""

from __future__ import annotations

from dataclasses import dataclass

SYS_DESCR_OID = "1.3.6.1.2.1.1.1.0"
GET_REQUEST = 0xA0
GET_RESPONSE = 0xA2
_SEQUENCE = 0x30
_INTEGER = 0x02
_OCTET_STRING = 0x04
_NULL = 0x05
_OID = 0x06


class BerError(ValueError):
    """The bytes are not the BER expected here."""


def _length(size: int) -> bytes:
    if size < 0x80:
        return bytes([size])
    body = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(body)]) + body


def tlv(tag: int, content: bytes) -> bytes:
    return bytes([tag]) + _length(len(content)) + content


def encode_integer(value: int) -> bytes:
    size = max(1, (value.bit_length() + 8) // 8)
    return tlv(_INTEGER, value.to_bytes(size, "big", signed=True))


def encode_oid(oid: str) -> bytes:
    parts = [int(part) for part in oid.split(".")]
    body = bytearray([40 * parts[0] + parts[1]])
    for part in parts[2:]:
        chunk = [part & 0x7F]
        part >>= 7
        while part:
            chunk.append(0x80 | (part & 0x7F))
            part >>= 7
        body.extend(reversed(chunk))
    return tlv(_OID, bytes(body))


def decode_oid(body: bytes) -> str:
    if not body:
        raise BerError("empty OID")
    parts = [body[0] // 40, body[0] % 40]
    value = 0
    for byte in body[1:]:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(value)
            value = 0
    return ".".join(str(part) for part in parts)


def get_request(community: str, request_id: int, oid: str = SYS_DESCR_OID) -> bytes:
    """An SNMPv2c GetRequest for one OID."""
    varbind = tlv(_SEQUENCE, encode_oid(oid) + tlv(_NULL, b""))
    pdu = tlv(
        GET_REQUEST,
        encode_integer(request_id)
        + encode_integer(0)
        + encode_integer(0)
        + tlv(_SEQUENCE, varbind),
    )
    return tlv(_SEQUENCE, encode_integer(1) + tlv(_OCTET_STRING, community.encode("latin-1")) + pdu)


def read_tlv(data: bytes, offset: int = 0) -> tuple[int, bytes, int]:
    """(tag, content, offset after it) of the element at ``offset``."""
    if offset + 2 > len(data):
        raise BerError("truncated element")
    tag = data[offset]
    size = data[offset + 1]
    offset += 2
    if size & 0x80:
        count = size & 0x7F
        if count == 0 or count > 4 or offset + count > len(data):
            raise BerError("bad length")
        size = int.from_bytes(data[offset : offset + count], "big")
        offset += count
    if offset + size > len(data):
        raise BerError("truncated content")
    return tag, data[offset : offset + size], offset + size


def read_children(content: bytes) -> list[tuple[int, bytes]]:
    children = []
    offset = 0
    while offset < len(content):
        tag, body, offset = read_tlv(content, offset)
        children.append((tag, body))
    return children


@dataclass(frozen=True)
class SnmpMessage:
    version: int
    community: str
    pdu_type: int
    request_id: int
    error_status: int
    #: (OID, tag of the value, raw value bytes) for each variable binding.
    varbinds: tuple[tuple[str, int, bytes], ...]

    def value_text(self, index: int = 0) -> str:
        if index >= len(self.varbinds):
            return ""
        _oid, tag, value = self.varbinds[index]
        if tag == _OCTET_STRING:
            return value.decode("utf-8", "replace")
        return value.hex()


def parse_message(data: bytes) -> SnmpMessage:
    """Read an SNMPv1/v2c message (request or response)."""
    tag, content, _ = read_tlv(data)
    if tag != _SEQUENCE:
        raise BerError("not an SNMP message")
    fields = read_children(content)
    if len(fields) != 3 or fields[0][0] != _INTEGER or fields[1][0] != _OCTET_STRING:
        raise BerError("not an SNMP v1/v2c message")
    pdu_type, pdu = fields[2]
    items = read_children(pdu)
    if len(items) != 4:
        raise BerError("unexpected PDU")
    varbinds = []
    for bind_tag, bind in read_children(items[3][1]):
        if bind_tag != _SEQUENCE:
            raise BerError("bad variable binding")
        pair = read_children(bind)
        if len(pair) != 2 or pair[0][0] != _OID:
            raise BerError("bad variable binding")
        varbinds.append((decode_oid(pair[0][1]), pair[1][0], pair[1][1]))
    return SnmpMessage(
        version=int.from_bytes(fields[0][1], "big", signed=True),
        community=fields[1][1].decode("latin-1"),
        pdu_type=pdu_type,
        request_id=int.from_bytes(items[0][1], "big", signed=True),
        error_status=int.from_bytes(items[1][1], "big", signed=True),
        varbinds=tuple(varbinds),
    )
