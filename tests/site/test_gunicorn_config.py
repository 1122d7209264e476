"""gunicorn.conf.py's hooks, run as gunicorn runs them: in the parent, before each fork."""

import subprocess
import sys
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"

# What the parent does with preload_app: loads the site, then calls pre_fork before each worker.
PARENT = f"""
import gc, runpy
import django
django.setup()
from charity_site.wsgi import application
hooks = runpy.run_path({str(CONFIG)!r})
assert gc.get_freeze_count() == 0
hooks["pre_fork"](None, None)
print(gc.get_freeze_count())
"""


def test_before_a_worker_is_forked_the_loaded_site_is_out_of_the_collectors_reach():
    done = subprocess.run(
        [sys.executable, "-c", PARENT], capture_output=True, text=True, check=True, cwd=CONFIG.parent
    )
    # The loaded site (tens of thousands of objects) and the readability word lists (270,000 lists).
    assert int(done.stdout.split()[-1]) > 300_000
