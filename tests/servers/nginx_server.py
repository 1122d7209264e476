"""Debian's nginx balancing local app servers, with the site's configuration (ops/nginx/charity.conf)."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.servers.ports import free_port, wait_until_listening

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
SITE_CONF = Path(__file__).resolve().parents[2] / "ops" / "nginx" / "charity.conf"

# Only what a throwaway nginx needs around the site's own file: every path in
# a temporary folder, and a header saying which app server answered (set here,
# in the http block, so the site's own file stays as it is shipped).
MAIN_CONF = """\
pid {root}/nginx.pid;
error_log {root}/error.log;
worker_processes 1;
events {{ worker_connections 128; }}
http {{
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    access_log off;
    add_header X-Answered-By $upstream_addr always;
    include {root}/site.conf;
}}
"""


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise ValueError(f"{SITE_CONF.name} no longer has exactly one {old!r} for the test to replace")
    return text.replace(old, new)


class NginxBalancer:
    def __init__(self, backend_ports: list[int]):
        self.backend_ports = backend_ports
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._folder = tempfile.TemporaryDirectory(prefix="nginx-")
        self.root = Path(self._folder.name)
        self.process = None

    def __enter__(self):
        # nginx's workers run as an unprivileged user when the test runs as root.
        self.root.chmod(0o777)
        site = SITE_CONF.read_text()
        site = _replace_once(site, "listen 80;", f"listen 127.0.0.1:{self.port};")
        site = _replace_once(site, "127.0.0.1:8001", f"127.0.0.1:{self.backend_ports[0]}")
        site = _replace_once(site, "127.0.0.1:8002", f"127.0.0.1:{self.backend_ports[1]}")
        (self.root / "site.conf").write_text(site)
        (self.root / "nginx.conf").write_text(MAIN_CONF.format(root=self.root))
        self.process = subprocess.Popen(
            [NGINX, "-p", str(self.root), "-e", str(self.root / "error.log"), "-c", str(self.root / "nginx.conf"),
             "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        wait_until_listening(self.port, self.process, "nginx")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)
        self._folder.cleanup()
