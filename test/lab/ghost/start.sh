#!/usr/bin/env bash
# Starts the Ghost lab console (Ghost 5's History: Settings → Advanced → History) on
# http://127.0.0.1:8730/ghost/#/settings/history/view
# Idempotent: installs Ghost 5.130.6 from npm into .work/ghost once (its sqlite3 driver is
# built from source: python3, make, g++), writes its config, creates and seeds the site once
# through Ghost's own Admin API (start.sh --fresh starts from an empty database), starts the
# server unless it already answers, and waits until it does. Exits 0 when the console answers.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/.work"
ghost="$work/ghost"
content="$work/content"
db="$content/data/ghost-lab.db"
port=8730
url="http://127.0.0.1:$port"
version=5.130.6
started=$(date +%s)
say() { echo "[lab ghost] $*"; }

answers() { curl -sf -o /dev/null --max-time 3 "$url/ghost/api/admin/site/"; }

if [ "${1:-}" = "--fresh" ]; then
  "$here/stop.sh"
  rm -f "$db" "$db-journal"
fi

if [ -f "$work/ghost.pid" ] && kill -0 "$(cat "$work/ghost.pid")" 2>/dev/null && answers; then
  say "Already running at $url/ghost/ (pid $(cat "$work/ghost.pid"))."
  exit 0
fi
if answers; then
  say "Something else already answers on port $port; stop it first (the lab console needs this port)."
  exit 1
fi

# Ghost 5.130 accepts Node ^18.12.1 || ^20.11.1 || ^22.13.1 (the newest 5.x that takes Node 20).
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit((a===20&&b>=11)||(a===22&&b>=13)||(a===18&&b>=12)?0:1)' || {
  say "Ghost $version needs Node 18.12+, 20.11+ or 22.13+; this is $(node -v)."; exit 1; }

if [ ! -f "$ghost/node_modules/sqlite3/build/Release/node_sqlite3.node" ] || [ "$(node -p "require('$ghost/package.json').version" 2>/dev/null)" != "$version" ]; then
  missing=""
  for tool in python3 make g++ curl; do command -v "$tool" >/dev/null || missing="$missing $tool"; done
  if [ -n "$missing" ]; then
    say "Installing build tools from Debian:$missing…"
    export DEBIAN_FRONTEND=noninteractive
    sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
    $sudo_ apt-get -o DPkg::Lock::Timeout=600 update -qq
    $sudo_ apt-get -o DPkg::Lock::Timeout=600 install -y -qq python3 make g++ curl >/dev/null
  fi
  say "Installing Ghost $version from npm into $ghost (its sqlite3 driver is compiled here: this takes several minutes)…"
  rm -rf "$ghost"
  mkdir -p "$ghost"
  (cd "$work" && npm pack --silent "ghost@$version" >/dev/null)
  tar -xzf "$work/ghost-$version.tgz" -C "$ghost" --strip-components=1
  rm -f "$work/ghost-$version.tgz"
  # Ghost's package lists its development tools (one fetched from GitHub, which this
  # machine can't reach); Ghost-CLI installs only what it runs with, and so do we.
  node -e '
    const fs = require("fs"); const file = process.argv[1];
    const p = JSON.parse(fs.readFileSync(file, "utf8")); delete p.devDependencies;
    fs.writeFileSync(file, JSON.stringify(p, null, 2));' "$ghost/package.json"
  # --legacy-peer-deps: Ghost pins bookshelf 1.2 with knex 2.4 (as its own yarn install does).
  # The Node headers of Debian's/NodeSource's nodejs package, so node-gyp needs no download.
  nodedir=""; [ -f /usr/include/node/node.h ] && nodedir=/usr
  (cd "$ghost" && npm_config_nodedir="$nodedir" npm install --omit=dev --legacy-peer-deps --no-audit --no-fund --no-save --loglevel=error)
  say "Ghost $version installed in $(( $(date +%s) - started )) s."
fi

mkdir -p "$content"
# ESLint 10 looks for the config nearest each file: this one keeps `npm run lint` (eslint .)
# out of Ghost's own code and themes, which are not this project's.
printf '%s\n' "// Written by test/lab/ghost/start.sh: Ghost's code and themes are not this project's to lint." \
  "export default [{ ignores: ['**/*'] }];" >"$work/eslint.config.mjs"
cp -rn "$ghost/content/." "$content/"
# Ghost reads config.<env>.json from the folder it runs in.
cat >"$ghost/config.development.json" <<EOF
{
  "url": "$url",
  "server": { "host": "127.0.0.1", "port": $port },
  "database": { "client": "sqlite3", "connection": { "filename": "$db" }, "useNullAsDefault": true, "debug": false },
  "paths": { "contentPath": "$content" },
  "mail": { "transport": "stub" },
  "logging": { "level": "warn", "transports": ["stdout"] },
  "security": { "staffDeviceVerification": false },
  "privacy": { "useUpdateCheck": false, "useGravatar": false, "useRpcPing": false, "useStructuredData": false },
  "caching": { "theme": { "maxAge": 0 }, "admin": { "maxAge": 0 } }
}
EOF

fresh=no
[ -f "$db" ] || fresh=yes

say "Starting Ghost on $url …"
# setsid: the server gets its own process group, so stop.sh can end it and only it.
# exec: the pid saved is Ghost's own (setsid execs it: no process of this script stays behind).
(cd "$ghost" && exec env NODE_ENV=development setsid node index.js) >"$work/ghost.log" 2>&1 </dev/null &
echo $! >"$work/ghost.pid"

for _ in $(seq 1 240); do
  answers && break
  if ! kill -0 "$(cat "$work/ghost.pid")" 2>/dev/null; then
    say "Ghost stopped while starting; its output:"; tail -n 30 "$work/ghost.log"; exit 1
  fi
  sleep 0.5
done
if ! answers; then
  say "Ghost did not answer within 120 s; its output:"; tail -n 30 "$work/ghost.log"; exit 1
fi

if [ "$fresh" = yes ] || ! curl -sf "$url/ghost/api/admin/authentication/setup/" | grep -q '"status":true'; then
  say "Setting up the site and seeding it through the Admin API (owner, four staff, posts, pages, tags, settings)…"
  node "$here/seed.mjs" "$db"
fi

say "Ready in $(( $(date +%s) - started )) s: $url/ghost/#/settings/history/view (sign in as olivia.hart@northwind.example; passwords in lab.mjs)."
