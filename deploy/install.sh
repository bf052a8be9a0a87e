#!/usr/bin/env bash
# Install or upgrade quantum-gates on a systemd host, as root, from a built checkout (./mvnw -q -DskipTests package).
#
#   deploy/install.sh                 install/upgrade both daemons and restart them
#   deploy/install.sh governor        only the Governor (quantum-governor.service)
#   deploy/install.sh heat-gate       only the Heat Gate (quantum-portfolio-heat-gate.service)
#   deploy/install.sh --rollback [governor|heat-gate]   put the previous jar(s) back and restart
#   deploy/install.sh --no-restart    install files, check the config, leave running services alone
#   deploy/install.sh --root DIR      stage into DIR (no user, no systemctl): for packaging and tests
#
# Never overwrites an existing /etc/quantum/*.env. Validates each env file with the NEW jar's check-config before
# anything is swapped in: a bad file stops the upgrade with the running daemon untouched.
set -euo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
ROOT=""
RESTART=1
ROLLBACK=0
TARGETS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --root) ROOT=${2:?--root needs a directory}; shift ;;
    --no-restart) RESTART=0 ;;
    --rollback) ROLLBACK=1 ;;
    governor | heat-gate) TARGETS+=("$1") ;;
    -h | --help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(governor heat-gate)

OPT="$ROOT/opt/quantum-gates"
ETC="$ROOT/etc/quantum"
UNITS="$ROOT/etc/systemd/system"
JAVA=/usr/bin/java
[ -x "$JAVA" ] || JAVA=$(command -v java) || { echo "install.sh: no java (apt-get install -y openjdk-17-jre-headless)" >&2; exit 1; }

live() { [ -z "$ROOT" ]; }
say() { echo "install.sh: $*"; }

if live && [ "$(id -u)" != 0 ]; then
  echo "install.sh: run as root (it writes /opt, /etc and systemd units)" >&2
  exit 1
fi

# name -> jar, unit, env file
jar_of() { case "$1" in governor) echo quantum-governor.jar ;; heat-gate) echo quantum-heat-gate.jar ;; esac; }
built_jar_of() { case "$1" in governor) echo "$SRC/governor/target/quantum-governor.jar" ;; heat-gate) echo "$SRC/heat-gate/target/quantum-heat-gate.jar" ;; esac; }
unit_of() { case "$1" in governor) echo quantum-governor.service ;; heat-gate) echo quantum-portfolio-heat-gate.service ;; esac; }
env_of() { case "$1" in governor) echo governor.env ;; heat-gate) echo portfolio-heat-gate.env ;; esac; }

check_config() { # check_config JAR ENVFILE
  say "check-config $2"
  if ! "$JAVA" -jar "$1" check-config --env-file "$2"; then
    echo "install.sh: $2 is invalid (see the ERROR lines above); nothing was restarted" >&2
    return 1
  fi
}

restart() {
  local unit=$1
  if live && [ "$RESTART" = 1 ]; then
    systemctl enable --quiet "$unit"
    systemctl restart "$unit"
    sleep 2
    systemctl --no-pager --lines=0 status "$unit" || true
    say "follow it with: journalctl -u ${unit%.service} -f"
  fi
}

if [ "$ROLLBACK" = 1 ]; then
  for t in "${TARGETS[@]}"; do
    jar=$(jar_of "$t")
    [ -f "$OPT/previous/$jar" ] || { echo "install.sh: no $OPT/previous/$jar to roll back to" >&2; exit 1; }
    check_config "$OPT/previous/$jar" "$ETC/$(env_of "$t")"
    cp "$OPT/previous/$jar" "$OPT/.$jar.new"
    mv -f "$OPT/$jar" "$OPT/previous/$jar.rolled-back" 2>/dev/null || true
    mv -f "$OPT/.$jar.new" "$OPT/$jar"
    say "rolled back $OPT/$jar (the replaced jar is $OPT/previous/$jar.rolled-back)"
    restart "$(unit_of "$t")"
  done
  exit 0
fi

for t in "${TARGETS[@]}"; do
  [ -f "$(built_jar_of "$t")" ] || { echo "install.sh: $(built_jar_of "$t") missing: run ./mvnw -q -DskipTests package" >&2; exit 1; }
done

# The service user: no login, no home.
if live && ! id qt >/dev/null 2>&1; then
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin qt
  say "created system user qt"
fi

install -d -m 755 "$OPT" "$OPT/previous" "$OPT/docs" "$UNITS"
install -d -m 750 "$ETC"
live && chgrp qt "$ETC"
install -m 644 "$SRC/docs/OPERATIONS.md" "$SRC/docs/ARCHITECTURE.md" "$OPT/docs/"

for t in "${TARGETS[@]}"; do
  jar=$(jar_of "$t")
  envfile="$ETC/$(env_of "$t")"
  unit=$(unit_of "$t")

  # Env file: created from the example once, never overwritten (it holds the operator's settings and secrets).
  if [ -e "$envfile" ]; then
    say "kept existing $envfile"
  else
    install -m 640 "$SRC/config/$(env_of "$t").example" "$envfile"
    live && chgrp qt "$envfile"
    say "created $envfile from the example (mode 640): set credentials and caps there"
  fi

  # Stage the new jar, check the env file with it, then swap by rename (a running JVM keeps its open inode).
  install -m 644 "$(built_jar_of "$t")" "$OPT/.$jar.new"
  if ! check_config "$OPT/.$jar.new" "$envfile"; then
    rm -f "$OPT/.$jar.new"
    exit 1
  fi
  if [ -f "$OPT/$jar" ] && ! cmp -s "$OPT/$jar" "$OPT/.$jar.new"; then
    cp -p "$OPT/$jar" "$OPT/previous/$jar"
    say "kept the previous jar as $OPT/previous/$jar (deploy/install.sh --rollback $t)"
  fi
  mv -f "$OPT/.$jar.new" "$OPT/$jar"
  # A differing unit already there (e.g. the original Python service's) is kept for a rollback.
  if [ -f "$UNITS/$unit" ] && ! cmp -s "$UNITS/$unit" "$SRC/deploy/systemd/$unit"; then
    cp -p "$UNITS/$unit" "$OPT/previous/$unit"
    say "kept the previous unit as $OPT/previous/$unit"
  fi
  install -m 644 "$SRC/deploy/systemd/$unit" "$UNITS/$unit"
  say "installed $OPT/$jar and $UNITS/$unit"
  live && systemctl daemon-reload
  restart "$unit"
done
