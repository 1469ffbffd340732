"""Re-record ``recorded_scan.json`` and ``recorded_ca.pem`` (run from the repository root):

    /work/venv/bin/python tests/data/tls/record_scan.py

Starts the well-configured test server of ``tests/test_scanner_tls.py`` (TLS 1.2 + 1.3,
ECDHE with AEAD suites, RSA 2048 certificate valid 90 days from a fresh test CA) and runs the
sslyze command line against it with ``--json_out``. The mapping tests edit this output.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric import rsa

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent.parent


def main() -> None:
    spec = importlib.util.spec_from_file_location("tls_tests", TESTS / "test_scanner_tls.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    with tempfile.TemporaryDirectory() as folder:
        pki = module.make_pki(Path(folder))
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        cert_file, key_file = pki.leaf("recorded", key=key)
        ca_file = HERE / "recorded_ca.pem"
        ca_file.write_text(pki.ca_pem)
        server = module.TlsServer(module.server_context(cert_file, key_file))
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
