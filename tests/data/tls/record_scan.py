"""Re-record ``recorded_scan.json`` and ``recorded_ca.pem`` (run from the repository root):

    /work/venv/bin/python tests/data/tls/record_scan.py

Starts the well-configured test server of ``tests/test_scanner_tls.py``, made with
``tests/support`` (TLS 1.2 + 1.3, ECDHE with AEAD suites, RSA 2048 certificate valid 90 days
from a fresh test CA), and runs the sslyze command line against it with ``--json_out``. The
mapping tests edit this output.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent.parent


def main() -> None:
    sys.path.insert(0, str(TESTS))  # tests/support, as pytest's pythonpath has it
    from support.pki import GOOD_TLS12_CIPHERS, make_pki, server_context
    from support.servers import TlsServer

    with tempfile.TemporaryDirectory() as folder:
        # The CA of test_scanner_tls.py's ``pki`` fixture.
        pki = make_pki(Path(folder), "CyberOrigen TLS test CA", 1000, 1000)
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cert_file, key_file = pki.leaf("recorded", key=key)
        ca_file = HERE / "recorded_ca.pem"
        ca_file.write_text(pki.ca_pem)
        server = TlsServer(server_context(cert_file, key_file, ciphers=GOOD_TLS12_CIPHERS))
        try:
            subprocess.run(  # noqa: S603 - fixed arguments
                [
                    sys.executable,
                    "-m",
                    "sslyze",
                    "--certinfo",
                    f"--certinfo_ca_file={ca_file}",
                    "--sslv2",
                    "--sslv3",
                    "--tlsv1",
                    "--tlsv1_1",
                    "--tlsv1_2",
                    "--tlsv1_3",
                    "--heartbleed",
                    "--robot",
                    "--openssl_ccs",
                    "--reneg",
                    f"--json_out={HERE / 'recorded_scan.json'}",
                    f"localhost:{server.port}{{127.0.0.1}}",
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        finally:
            server.close()


if __name__ == "__main__":
    main()
