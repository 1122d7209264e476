#!/usr/bin/env bash
# Take a backup of the site's PostgreSQL database in pg_dump's custom format.
# Usage: DATABASE_URL=postgres://... ops/backup.sh [DIRECTORY]
# Run it daily (e.g. from cron) and copy the file off the host, encrypted;
# see docs/security.md for retention.
set -euo pipefail

: "${DATABASE_URL:?Set DATABASE_URL to the PostgreSQL database to back up}"
directory="${1:-backups}"
mkdir -p "$directory"
chmod 700 "$directory"
file="$directory/charity-$(date -u +%Y%m%dT%H%M%SZ).dump"

# Custom format: compressed, and pg_restore can restore it table by table.
pg_dump --format=custom --no-owner --no-privileges --file="$file" "$DATABASE_URL"
chmod 600 "$file"
echo "$file"
