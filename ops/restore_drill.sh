#!/usr/bin/env bash
# Restore drill: proves a backup can be restored and the restored site works.
#
# Builds a scratch database with the demo content, backs it up with
# ops/backup.sh, restores the dump into a second, empty database, then checks
# that every migration is recorded as applied and every table has the same
# number of rows. Prints how long the backup and the restore took.
#
# Usage: ops/restore_drill.sh [postgres://user@host:port]   (default: the local server)
# Needs createdb, dropdb, pg_dump, pg_restore and psql, and the project's .venv.
set -euo pipefail
cd "$(dirname "$0")/.."

server="${1:-postgres://postgres@127.0.0.1:5432}"
source_db="charity_drill_source_$$"
target_db="charity_drill_restored_$$"
work="$(mktemp -d)"
python=.venv/bin/python

cleanup() {
  dropdb --if-exists --maintenance-db="$server/postgres" "$source_db" 2>/dev/null || true
  dropdb --if-exists --maintenance-db="$server/postgres" "$target_db" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

seconds() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

createdb --maintenance-db="$server/postgres" "$source_db"
createdb --maintenance-db="$server/postgres" "$target_db"

echo "== Building a database with the demo content"
DEBUG=true DATABASE_URL="$server/$source_db" $python manage.py migrate --no-input -v 0
DEBUG=true DATABASE_URL="$server/$source_db" $python manage.py load_demo_content > /dev/null

echo "== Backing up"
start=$(seconds)
dump=$(DATABASE_URL="$server/$source_db" ops/backup.sh "$work")
backup_time=$(elapsed "$start" "$(seconds)")

echo "== Restoring into an empty database"
start=$(seconds)
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$server/$target_db" "$dump"
restore_time=$(elapsed "$start" "$(seconds)")

echo "== Checking the restored database"
# Every migration is recorded as applied: the code and the data agree.
DEBUG=true DATABASE_URL="$server/$target_db" $python manage.py migrate --check --no-input

count_rows() {
  psql "$server/$1" -At -c "
    SELECT string_agg(table_name || '=' || (xpath('/row/c/text()',
             query_to_xml(format('SELECT count(*) AS c FROM %I', table_name), false, true, '')))[1]::text, ' '
           ORDER BY table_name)
    FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
}
before=$(count_rows "$source_db")
after=$(count_rows "$target_db")
if [[ "$before" != "$after" ]]; then
  echo "Row counts differ after restore:"; echo "before: $before"; echo "after:  $after"
  exit 1
fi
tables=$(wc -w <<< "$after")
rows=$(tr ' ' '\n' <<< "$after" | awk -F= '{ s += $2 } END { print s }')

size=$(du -k "$dump" | cut -f1)
echo "Restore drill passed: $tables tables, $rows rows, dump ${size} KiB."
echo "Backup took ${backup_time} s; restore took ${restore_time} s."
