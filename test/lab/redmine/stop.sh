#!/usr/bin/env bash
# Stops the Redmine lab console that start.sh started (its pid file), and nothing else.
set -euo pipefail
work="$(cd "$(dirname "$0")" && pwd)/.work"
if [ -f "$work/server.pid" ]; then
  pid=$(cat "$work/server.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -- "-$pid" 2>/dev/null || kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    echo "[lab redmine] Stopped the console (pid $pid)."
  fi
  rm -f "$work/server.pid" "$work/server.pid.rails"
else
  echo "[lab redmine] Not running."
fi
