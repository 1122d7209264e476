"""Real servers the tests start on this machine: PostgreSQL-backed gunicorn, nginx, Varnish, dovecot, an SMTP sink, S3 and HTTP."""
