"""Debian's Varnish in front of a local backend, with the site's VCL (ops/varnish/charity.vcl)."""

import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.servers.ports import free_port, wait_until_listening

VARNISHD = shutil.which("varnishd") or ("/usr/sbin/varnishd" if Path("/usr/sbin/varnishd").exists() else None)
VCL = Path(__file__).resolve().parents[2] / "ops" / "varnish" / "charity.vcl"


class VarnishServer:
    def __init__(self, backend_port: int):
        self.backend_port = backend_port
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # The listener the site's bans go to (FRONTEND_CACHE_URLS), apart from the public one.
        self.purge_port = free_port()
        self.purge_url = f"http://127.0.0.1:{self.purge_port}"
        self._folder = tempfile.TemporaryDirectory(prefix="varnish-")
        self.process = None

    def __enter__(self):
        root = Path(self._folder.name)
        root.chmod(0o755)
        vcl = root / "site.vcl"
        vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{self.backend_port}";'))
        self.process = subprocess.Popen(
            [VARNISHD, "-F", "-j", "none", "-n", str(root / "work"), "-a", f"public=127.0.0.1:{self.port}",
             "-a", f"purge=127.0.0.1:{self.purge_port}", "-f", str(vcl), "-s", "malloc,32m", "-T", "none"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        wait_until_listening(self.port, self.process, "varnishd")
        wait_until_listening(self.purge_port, self.process, "varnishd")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)
        self._folder.cleanup()
