import socket
import subprocess
import time


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now, for a test server of ours."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_listening(port: int, process: subprocess.Popen, name: str, seconds: float = 20) -> None:
    """Until `process` accepts connections on `port`; its own error if it stops first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"{name} stopped: {process.stderr.read().decode()}") from None
            time.sleep(0.05)
    raise RuntimeError(f"{name} did not start listening")
