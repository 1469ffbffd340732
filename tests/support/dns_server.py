"""A tiny authoritative DNS server (UDP) and a TCP listener, both on a loopback address of the
test's choosing, recording what reached them."""

from __future__ import annotations

import socket
import threading

import dns.message
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset


class RecordingDns:
    """Answers from ``records`` (``{("mail.test.", "MX"): ["10 mx.other.test."]}``),
    NXDOMAIN for names it has no record of; every question is kept in ``queries``."""

    def __init__(self, address: str, records: dict[tuple[str, str], list[str]]) -> None:
        self.records = records
        self.queries: list[tuple[str, str]] = []
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind((address, 0))
        self.udp.settimeout(0.2)
        self.address, self.port = self.udp.getsockname()[:2]
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _answer(self, query: dns.message.Message) -> dns.message.Message:
        question = query.question[0]
        name, rdtype = question.name.to_text(), dns.rdatatype.to_text(question.rdtype)
        self.queries.append((name, rdtype))
        response = dns.message.make_response(query)
        values = self.records.get((name, rdtype))
        if values:
            response.answer.append(
                dns.rrset.from_text_list(name, 300, dns.rdataclass.IN, rdtype, values)
            )
        elif not any(known == name for known, _ in self.records):
            response.set_rcode(dns.rcode.NXDOMAIN)
        return response

    def _serve(self) -> None:
        while not self._stopping.is_set():
            try:
                wire, peer = self.udp.recvfrom(65535)
            except OSError:
                continue
            self.udp.sendto(self._answer(dns.message.from_wire(wire)).to_wire(), peer)

    def close(self) -> None:
        self._stopping.set()
        self._thread.join(2)
        self.udp.close()


class RecordingListener:
    """Accepts TCP connections on ``address`` (``port``, or a free one), records each peer and
    closes the connection."""

    def __init__(self, address: str, port: int = 0) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind((address, port))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.address, self.port = self.sock.getsockname()[:2]
        self.connections: list[tuple[str, int]] = []
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stopping.is_set():
            try:
                conn, peer = self.sock.accept()
            except OSError:
                continue
            self.connections.append(peer[:2])
            conn.close()

    def close(self) -> None:
        self._stopping.set()
        self._thread.join(2)
        self.sock.close()
