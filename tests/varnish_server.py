"""Debian's Varnish in front of a local backend, with the site's VCL (ops/varnish/charity.vcl)."""

import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

VARNISHD = shutil.which("varnishd") or ("/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None)
VCL = Path(__file__).resolve().parent.parent / "ops" / "varnish" / "charity.vcl"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class VarnishServer:
    def __init__(self, backend_port: int):
        self.backend_port = backend_port
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._folder = tempfile.TemporaryDirectory(prefix="varnish-")
        self.process = None

    def __enter__(self):
        root = Path(self._folder.name)
        root.chmod(0o755)
        vcl = root / "site.vcl"
        vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{self.backend_port}";'))
        self.process = subprocess.Popen(
            [VARNISHD, "-F", "-j", "none", "-n", str(root / "work"), "-a", f"127.0.0.1:{self.port}",
             "-f", str(vcl), "-s", "malloc,32m", "-T", "none"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"varnishd stopped: {self.process.stderr.read().decode()}") from None
                time.sleep(0.05)
        raise RuntimeError("varnishd did not start listening")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)
        self._folder.cleanup()
