#!/usr/bin/env bash
# Starts the Redmine lab console (Redmine 5.0 from Debian, its activity log) on
# http://127.0.0.1:8720/projects/billing/activity
# Idempotent: installs Debian's redmine + redmine-sqlite + thin if missing, keeps the lab's own
# Redmine instance ("trailguide-lab") with its SQLite database under test/lab/redmine/.work/,
# creates and seeds it once through Redmine's REST API (start.sh --fresh starts from an empty
# one), starts the server unless it already answers, and waits until it does. Exits 0 when the
# console answers.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/.work"
instance="$work/instance"
port=8720
url="http://127.0.0.1:$port"
redmine=/usr/share/redmine
name=trailguide-lab
started=$(date +%s)
say() { echo "[lab redmine] $*"; }
# Node is there for the project anyway (curl may not be).
answers() { node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(5000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$url/activity" 2>/dev/null; }
export LAB_ADMIN_PASSWORD=lab-admin-pass-1
mkdir -p "$work"

# 1. Debian's packages. redmine-sqlite makes dpkg create Debian's own "default" instance too
#    (preseeded below so it installs without questions); the lab uses its own instance.
need=""
for pkg in redmine redmine-sqlite thin; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need="$need $pkg"
done
if [ -n "$need" ]; then
  t=$(date +%s)
  say "Installing from Debian's packages:$need (about a minute)…"
  sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
  $sudo_ debconf-set-selections <<'EOF'
redmine redmine/instances/default/dbconfig-install boolean true
redmine redmine/instances/default/database-type select sqlite3
redmine redmine/instances/default/db/basepath string /var/lib/dbconfig-common/sqlite3/redmine/instances/default
redmine redmine/instances/default/db/dbname string redmine_default
redmine redmine/current-instances string default
EOF
  export DEBIAN_FRONTEND=noninteractive
  $sudo_ apt-get -o DPkg::Lock::Timeout=600 update -qq
  $sudo_ apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends redmine redmine-sqlite thin >"$work/apt.log" 2>&1 || {
    say "apt-get failed; its output:"; tail -n 30 "$work/apt.log"; exit 1; }
  rm -f "$work/apt.log"
  say "Installed in $(( $(date +%s) - t )) s."
fi
version=$(dpkg-query -W -f='${Version}' redmine)
case "$version" in
  5.0.*) say "Redmine $version (Debian bookworm), served by thin $(dpkg-query -W -f='${Version}' thin)." ;;
  *) say "Expected Redmine 5.0 (Debian bookworm's redmine), found $version."; exit 1 ;;
esac

if [ "${1:-}" = "--fresh" ]; then
  "$here/stop.sh"
  rm -rf "$instance/db" "$work/seeded.json" "$work/admin-api-key"
fi

if [ -f "$work/server.pid" ] && kill -0 "$(cat "$work/server.pid")" 2>/dev/null && answers; then
  say "Already running at $url/projects/billing/activity (pid $(cat "$work/server.pid"))."
  exit 0
fi
if answers; then
  say "Something else already answers on port $port; stop it first (the lab console needs this port)."
  exit 1
fi

# 2. The lab's own Redmine instance: Debian's Redmine reads an instance's config, database,
#    logs and files from /usr/share/redmine/instances/<name> (= /var/lib/redmine/<name>);
#    that path points at .work/instance, so everything the lab writes stays in .work/.
mkdir -p "$instance"/{config,db,log,tmp,files,public/plugin_assets}
cat >"$instance/config/database.yml" <<EOF
production:
  adapter: sqlite3
  database: $instance/db/redmine.sqlite3
  encoding: utf8
EOF
[ -s "$instance/config/secret_key.txt" ] || head -c 48 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$instance/config/secret_key.txt"
sudo_=""; [ "$(id -u)" -ne 0 ] && sudo_="sudo"
$sudo_ ln -sfn "$instance" "/var/lib/redmine/$name"

export REDMINE_INSTANCE=$name RAILS_ENV=production TZ=UTC
cd "$redmine"

if [ ! -f "$work/seeded.json" ]; then
  t=$(date +%s)
  say "Creating the database (Redmine's migrations and default data)…"
  rm -f "$instance/db/redmine.sqlite3"
  bin/rake db:migrate >"$instance/log/setup.log" 2>&1 || { say "Migration failed:"; tail -n 20 "$instance/log/setup.log"; exit 1; }
  REDMINE_LANG=en bin/rake redmine:load_default_data >>"$instance/log/setup.log" 2>&1
  bin/rails runner "$here/seed/bootstrap.rb" >"$work/admin-api-key" 2>>"$instance/log/setup.log"
  chmod 600 "$work/admin-api-key"
  say "Database ready in $(( $(date +%s) - t )) s (REST API on, a week per activity page)."
fi

say "Starting the console on $url …"
t=$(date +%s)
# setsid: the server gets its own process group, so stop.sh can end it and only it.
setsid bin/rails server -b 127.0.0.1 -p "$port" -P "$work/server.pid.rails" >"$work/server.log" 2>&1 </dev/null &
echo $! >"$work/server.pid"
ready=""
for _ in $(seq 1 240); do
  if answers; then ready=1; break; fi
  if ! kill -0 "$(cat "$work/server.pid")" 2>/dev/null; then
    say "The server stopped while starting; its output:"; tail -n 30 "$work/server.log"; exit 1
  fi
  sleep 0.5
done
if [ -z "$ready" ]; then say "The console did not answer within 120 s; its output:"; tail -n 30 "$work/server.log"; exit 1; fi
say "Answering after $(( $(date +%s) - t )) s."

if [ ! -f "$work/seeded.json" ]; then
  t=$(date +%s)
  say "Seeding through Redmine's REST API (people, projects, five weeks of issues, notes, wiki edits, news)…"
  LAB_API_KEY="$(cat "$work/admin-api-key")" LAB_ORIGIN="$url" node "$here/seed/seed.mjs" "$work/plan.json"
  bin/rails runner "$here/seed/backdate.rb" "$work/plan.json" 2>>"$instance/log/setup.log" | sed 's/^/[lab redmine] Backdated: /'
  mv "$work/plan.json" "$work/seeded.json"
  say "Seeded in $(( $(date +%s) - t )) s."
fi

say "Ready in $(( $(date +%s) - started )) s: $url/projects/billing/activity (sign in as sam / lab-password-1; admin / $LAB_ADMIN_PASSWORD)."
