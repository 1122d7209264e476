"""
gunicorn settings for production: `gunicorn charity_site.wsgi` reads this file.
Each value can be overridden with a GUNICORN_* environment variable.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: requests are short, CPU-bound renders. Two per core plus one
# keeps every core busy while another worker waits on PostgreSQL.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# A request slower than this is stuck (a hung database or mail server): restart the worker.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak can never build up.
max_requests = 100_000
max_requests_jitter = 10_000
# Load the app before forking: less memory per worker, faster restarts.
preload_app = True


def pre_fork(server, worker):
    """
    Before each worker is forked from the loaded app: load what the site
    would otherwise load on a worker's first requests, then move all of it
    (Django, the URLconf, the apps, the readability word lists: hundreds of
    thousands of objects) out of the garbage collector's reach. Each
    worker's collections then walk only what its requests made, and never
    write to the memory it shares with the parent (what Python's gc.freeze
    documentation advises before fork).
    """
    from treatments.readability import load_word_lists

    load_word_lists()
    gc.freeze()


# Access log to stderr without query strings: a search query or a link
# from an email can hold personal words.
# GUNICORN_ACCESS_LOG=off turns it off (the benchmark does, to measure the site, not the log).
accesslog = (
    None if os.environ.get("GUNICORN_ACCESS_LOG") == "off" else os.environ.get("GUNICORN_ACCESS_LOG", "-")
)
access_log_format = '%(h)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# No control socket under ~/.gunicorn: nothing listens that the site does not need.
control_socket_disable = True
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
