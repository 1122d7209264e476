#!/usr/bin/env bash
# Times the two newcomer commands on a fresh clone: `make test` and `make run`
# (until the home page answers), each twice. Usage: bench/setup_times.sh [REPO]
set -euo pipefail

repo="$(cd "${1:-$(dirname "$0")/..}" && pwd)"
work="$(mktemp -d)"
port=8765
trap 'pkill -f "runserver 127.0.0.1:$port" 2>/dev/null || true; rm -rf "$work"' EXIT

git clone --quiet "$repo" "$work/site"
cd "$work/site"

seconds() { python3 -c 'import time; print(f"{time.monotonic():.1f}")'; }

time_make_test() {
  local start end
  start=$(seconds)
  make test PYTEST_ARGS="-q" > "$work/test.log" 2>&1
  end=$(seconds)
  echo "make test ($1): $(python3 -c "print(f'{$end - $start:.1f}')") s; $(grep -E '[0-9]+ passed' "$work/test.log" | tail -1)"
}

time_make_run() {
  local start end
  start=$(seconds)
  make run HOST_PORT="127.0.0.1:$port" > "$work/run.log" 2>&1 &
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null; do
    sleep 0.2
    if (( $(python3 -c "print(int($(seconds) - $start))") > 600 )); then echo "make run did not answer"; exit 1; fi
  done
  end=$(seconds)
  echo "make run ($1, until the home page answers): $(python3 -c "print(f'{$end - $start:.1f}')") s"
  pkill -f "runserver 127.0.0.1:$port" || true
  wait || true
}

time_make_run "first run, fresh clone"
time_make_run "second run"
rm -rf .venv
time_make_test "first run, fresh clone"
time_make_test "second run"
