#!/usr/bin/env bash
# Starts the Django lab console (Django's admin audit log, LogEntry) on http://127.0.0.1:8710/admin/admin/logentry/
# Idempotent: installs Debian's python3-django if it is missing, creates and seeds the database
# once (start.sh --fresh starts from an empty one), starts the server unless it already answers,
# and waits until it does. Exits 0 when the console answers.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/.work"
port=8710
url="http://127.0.0.1:$port"
# Debian's own interpreter: python3-django is installed for it, whatever else is first on PATH.
py=/usr/bin/python3
started=$(date +%s)
say() { echo "[lab django] $*"; }

if ! "$py" -c 'import django' >/dev/null 2>&1; then
  say "Installing Django 3.2 from Debian's packages (python3-django)…"
  export DEBIAN_FRONTEND=noninteractive
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ apt-get -o DPkg::Lock::Timeout=600 update -qq
  $sudo_ apt-get -o DPkg::Lock::Timeout=600 install -y -qq python3-django >/dev/null
fi
version=$("$py" -c 'import django; print(django.get_version())')
case "$version" in
  3.2.*) say "Django $version (Debian python3-django)." ;;
  *) say "Expected Django 3.2 (Debian bookworm's python3-django), found $version."; exit 1 ;;
esac

mkdir -p "$work"
export LAB_WORK_DIR="$work"
cd "$here/app"

answers() { "$py" - "$url/admin/login/" <<'PY' >/dev/null 2>&1
import sys, urllib.request
urllib.request.urlopen(sys.argv[1], timeout=3).read()
PY
}

if [ "${1:-}" = "--fresh" ]; then
  "$here/stop.sh"
  rm -f "$work/lab.sqlite3" "$work/changelist-requests.jsonl"
fi

if [ -f "$work/server.pid" ] && kill -0 "$(cat "$work/server.pid")" 2>/dev/null && answers; then
  say "Already running at $url/admin/admin/logentry/ (pid $(cat "$work/server.pid"))."
  exit 0
fi
if answers; then
  say "Something else already answers on port $port; stop it first (the lab console needs this port)."
  exit 1
fi

if [ ! -f "$work/lab.sqlite3" ] || ! "$py" manage.py shell -c 'from django.contrib.admin.models import LogEntry; import sys; sys.exit(0 if LogEntry.objects.exists() else 1)' >/dev/null 2>&1; then
  say "Creating the database and seeding it through the admin (staff, customers, invoices, a month of audit-log entries)…"
  rm -f "$work/lab.sqlite3"
  "$py" manage.py migrate -v0
  "$py" manage.py seed_lab
fi

say "Starting the console on $url …"
# setsid: the server gets its own process group, so stop.sh can end it and only it.
setsid "$py" manage.py runserver "127.0.0.1:$port" --noreload --insecure >"$work/server.log" 2>&1 < /dev/null &
echo $! >"$work/server.pid"

for _ in $(seq 1 120); do
  if answers; then
    say "Ready in $(( $(date +%s) - started )) s: $url/admin/admin/logentry/ (sign in as labadmin / lab-password-1)."
    exit 0
  fi
  if ! kill -0 "$(cat "$work/server.pid")" 2>/dev/null; then
    say "The server stopped while starting; its output:"; tail -n 30 "$work/server.log"; exit 1
  fi
  sleep 0.5
done
say "The console did not answer within 60 s; its output:"; tail -n 30 "$work/server.log"
exit 1
