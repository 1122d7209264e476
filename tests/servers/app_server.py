"""The site served by gunicorn with its production settings, in a process group of its own."""

import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from tests.servers.ports import free_port

PROJECT = Path(__file__).resolve().parents[2]


class AppServer:
    def __init__(self, env: dict[str, str]):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **env, "DJANGO_SETTINGS_MODULE": "charity_site.settings"}
        self._log = tempfile.NamedTemporaryFile(prefix="gunicorn-", suffix=".log")  # noqa: SIM115 - closed in __exit__
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "charity_site.wsgi", "--config", "gunicorn.conf.py",
             "--bind", f"127.0.0.1:{self.port}"],
            cwd=PROJECT,
            env=self.env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped:\n{self.log()}")
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=2)  # noqa: S310 - our own server
                return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not answer:\n{self.log()}")

    def __exit__(self, *exc):
        # The whole group: the arbiter and its workers.
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self._log.close()

    def log(self) -> str:
        return Path(self._log.name).read_text(errors="replace")
