"""Starting Django in a fresh process, with only the environment a test gives it."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
CONFIGURED_HERE = {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG"}
LONG_KEY = "k" * 30 + "-production-like-key-" + "9" * 20


def start_django(**env_vars: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in CONFIGURED_HERE}
    env.update(env_vars, DJANGO_SETTINGS_MODULE="charity_site.settings")
    probe = env.pop("PROBE", "print('started')")
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {probe}"],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
