#!/usr/bin/env bash
# Stops the Ghost lab console that start.sh started (its own process group, by the pid it saved).
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
pidfile="$here/.work/ghost.pid"
say() { echo "[lab ghost] $*"; }
if [ ! -f "$pidfile" ]; then
  say "Not running (no pid file)."
  exit 0
fi
pid="$(cat "$pidfile")"
if kill -0 "$pid" 2>/dev/null; then
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.25
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
  fi
  say "Stopped Ghost (pid $pid)."
else
  say "Not running (pid $pid had already ended)."
fi
rm -f "$pidfile"
