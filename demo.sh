#!/usr/bin/env bash
# quantum-gates in one command: a local redis-server, the simulated exchange (FakeBinance) loaded with the seed's
# testnet account, both daemons from their jars, and the seed's scenario played through Redis. Prints what each plan
# and proposal became (read back from Redis) and the matching daemon log lines; exits non-zero if any outcome differs
# from the expected one, so CI runs it as an end-to-end test. Needs only a JDK 17 and redis-server (+ redis-cli).
#
#   ./demo.sh                  play the scenario, print the summary, stop everything it started
#   ./demo.sh --keep-running   leave Redis, FakeBinance and both daemons up (prints curl / CLI commands and how to stop)
#   REDIS_URL=redis://127.0.0.1:6390/5 ./demo.sh   use that Redis instead of starting one (a scratch database:
#                              the demo writes quantum:* keys, sets and clears quantum:kill, and deletes nothing)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

KEEP_RUNNING=0
for arg in "$@"; do
  case "$arg" in
    --keep-running) KEEP_RUNNING=1 ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "demo.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

GOV_JAR=governor/target/quantum-governor.jar
HG_JAR=heat-gate/target/quantum-heat-gate.jar
FB_JAR=testkit/target/quantum-fake-binance.jar
SEED_STATE=testkit/src/main/resources/fake-binance/seed-account.json
# FakeBinance.DEFAULT_API_KEY / DEFAULT_API_SECRET: the simulated exchange accepts only these.
FB_KEY=fake-api-key-0123456789
FB_SECRET=fake-api-secret-9876543210
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
DAEMON_JVM_OPTS=(-Xmx256m -XX:+UseSerialGC)
CLI_JVM_OPTS=(-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)

die() { echo "demo.sh: $*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

have "$JAVA" || die "no java: install a JDK 17 (sudo apt-get install -y openjdk-17-jdk-headless)"
have redis-cli || die "no redis-cli: sudo apt-get install -y redis-server"
if [ -z "${REDIS_URL:-}" ]; then
  have redis-server || die "no redis-server: sudo apt-get install -y redis-server (or set REDIS_URL)"
fi

if [ ! -f "$GOV_JAR" ] || [ ! -f "$HG_JAR" ] || [ ! -f "$FB_JAR" ]; then
  echo "Building the jars (./mvnw -q -DskipTests package) ..."
  ./mvnw -q -DskipTests package
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/quantum-demo.XXXXXX")
PIDS=()
OK_RUN=0

cleanup() {
  local rc=$?
  if [ "$KEEP_RUNNING" = 1 ] && [ "$OK_RUN" = 1 ]; then
    return
  fi
  # Daemons first (SIGTERM: they finish the entry in hand and exit within 5 s), Redis last.
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    local alive=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  if [ -n "${REDIS_PID:-}" ]; then
    kill -TERM "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
  fi
  if [ "$rc" = 0 ]; then
    rm -rf "$WORK"
  else
    echo "demo.sh: failed; logs kept in $WORK" >&2
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A port nothing listens on right now (bash's /dev/tcp: no python or ss needed).
free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  die "no free port found"
}

# wait_for SECONDS DESCRIPTION COMMAND...: poll until COMMAND succeeds; fail naming what never happened.
wait_for() {
  local secs=$1 what=$2
  shift 2
  local deadline=$((SECONDS + secs))
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || die "timed out after ${secs}s waiting for $what"
    check_alive
    sleep 0.2
  done
}

check_alive() {
  local i
  for i in "${!PIDS[@]}"; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      echo "demo.sh: ${NAMES[$i]} exited; last lines of ${LOGS[$i]}:" >&2
      tail -n 30 "${LOGS[$i]}" >&2 || true
      exit 1
    fi
  done
}
NAMES=()
LOGS=()
started() { PIDS+=("$1"); NAMES+=("$2"); LOGS+=("$3"); }

# ---------------------------------------------------------------------------------------------------------------
# Redis
if [ -n "${REDIS_URL:-}" ]; then
  echo "Using Redis at REDIS_URL (scratch database expected)"
else
  mkdir -p "$WORK/redis"
  for attempt in 1 2 3 4 5; do
    REDIS_PORT=$(free_port)
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK/redis" \
      --daemonize no --logfile "$WORK/redis.log" &
    REDIS_PID=$!
    for _ in $(seq 1 50); do
      if redis-cli -p "$REDIS_PORT" PING 2>/dev/null | grep -q PONG; then break; fi
      kill -0 "$REDIS_PID" 2>/dev/null || break
      sleep 0.1
    done
    if redis-cli -p "$REDIS_PORT" PING 2>/dev/null | grep -q PONG; then break; fi
    kill "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
    REDIS_PID=
    [ "$attempt" = 5 ] && die "redis-server did not start; see $WORK/redis.log"
  done
  REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
  echo "Started redis-server on 127.0.0.1:$REDIS_PORT (data in $WORK/redis)"
fi
rcli() { redis-cli -u "$REDIS_URL" --no-auth-warning "$@"; }
rcli PING | grep -q PONG || die "Redis at REDIS_URL does not answer PING"

# ---------------------------------------------------------------------------------------------------------------
# The heat inputs, before the Heat Gate starts so its first view already holds them:
# Σ |notional| × sigma = 2000×0.2 + 1800×0.15 + 1100×0.3 = 1000 USD; heat = 1000 ÷ equity.
rcli HSET quantum:state:portfolio equity_usd 10000 >/dev/null
rcli XADD quantum:stream:position.snapshot '*' symbol BTCUSDT position_notional_usd 2000 sigma 0.2 >/dev/null
rcli XADD quantum:stream:position.snapshot '*' symbol ETHUSDT position_notional_usd 1800 sigma 0.15 >/dev/null
rcli XADD quantum:stream:position.snapshot '*' symbol BNBUSDT position_qty 2 mark_price 550 sigma 0.3 >/dev/null

# ---------------------------------------------------------------------------------------------------------------
# FakeBinance with the seed's account (22 positions, $118,844.14, wallet $13,661.00); port 0 = it picks one.
"$JAVA" "${CLI_JVM_OPTS[@]}" -jar "$FB_JAR" --port 0 --state "$SEED_STATE" >"$WORK/fake-binance.log" 2>&1 &
started $! FakeBinance "$WORK/fake-binance.log"
fb_url() { sed -n 's/^FakeBinance listening on \(http[^ ]*\).*/\1/p' "$WORK/fake-binance.log" 2>/dev/null | head -n 1; }
fb_ready() { [ -n "$(fb_url)" ]; }
wait_for 60 "FakeBinance to listen" fb_ready
FB_URL=$(fb_url)
FB_URL=${FB_URL%/}
echo "Started FakeBinance at $FB_URL (seed account)"

# ---------------------------------------------------------------------------------------------------------------
# The daemons, with only the environment written here (an operator's GOV_*/P26_* must not change the outcomes).
GOV_METRICS=$(free_port)
P26_METRICS=$(free_port)
[ "$P26_METRICS" != "$GOV_METRICS" ] || P26_METRICS=$(free_port)
BASE_ENV=(PATH="$PATH" HOME="${HOME:-/tmp}" LANG=C.UTF-8 REDIS_URL="$REDIS_URL" LOG_FORMAT=text)
GOV_ENV=("${BASE_ENV[@]}" APPLY_MODE=testnet BINANCE_BASE_URL="$FB_URL"
  BINANCE_TESTNET_API_KEY="$FB_KEY" BINANCE_TESTNET_API_SECRET="$FB_SECRET"
  METRICS_PORT="$GOV_METRICS" GOV_EXCHANGE_POLL_MS=500 GOV_CONSUMER_NAME=demo-governor)
HG_ENV=("${BASE_ENV[@]}" P26_MODE=shadow P26_METRICS_PORT="$P26_METRICS" P26_POLL_SEC=0.5
  P26_CONSUMER_NAME=demo-heat-gate)

DAEMONS_STARTED_MS=$(rcli TIME | { read -r s; read -r us; echo $((s * 1000 + us / 1000)); })
env -i "${GOV_ENV[@]}" "$JAVA" "${DAEMON_JVM_OPTS[@]}" -jar "$GOV_JAR" run >"$WORK/governor.log" 2>&1 &
started $! Governor "$WORK/governor.log"
env -i "${HG_ENV[@]}" "$JAVA" "${DAEMON_JVM_OPTS[@]}" -jar "$HG_JAR" run >"$WORK/heat-gate.log" 2>&1 &
started $! "Heat Gate" "$WORK/heat-gate.log"
echo "Started the Governor (metrics :$GOV_METRICS) and the Heat Gate (metrics :$P26_METRICS); waiting for them ..."

has_group() { rcli XINFO GROUPS "$1" 2>/dev/null | grep -qx "$2"; }
# A snapshot installed by this run's Governor (a reused REDIS_URL may hold an older one from a dead exchange).
snapshot_installed() {
  local at
  at=$(rcli HGET quantum:governor:exchange:meta installed_at_ms)
  [ -n "$at" ] && [ "$at" -gt "$DAEMONS_STARTED_MS" ]
}
wait_for 90 "the Governor's consumer group" has_group quantum:stream:apply.plan governor
wait_for 90 "the Heat Gate's consumer group" has_group quantum:stream:harvest.proposal p26_heat_gate
wait_for 60 "the Governor's first exchange snapshot (quantum:governor:exchange:meta installed_at_ms)" snapshot_installed

gov_cli() { env -i "${GOV_ENV[@]}" "$JAVA" "${CLI_JVM_OPTS[@]}" -jar "$GOV_JAR" "$@"; }

# ---------------------------------------------------------------------------------------------------------------
# Helpers that read outcomes back from Redis.
json_field() { # json_field JSON NAME -> the string or number value of NAME
  sed -n "s/.*\"$2\": *\"\{0,1\}\([^\",}]*\)\"\{0,1\}.*/\1/p" <<<"$1" | head -n 1
}
new_plan_id() { printf '%04x%04x%04x%04x' $RANDOM $RANDOM $RANDOM $RANDOM; }
decided() { [ "$(rcli EXISTS "quantum:permit:$1" "quantum:governor:block:$1")" -ge 1 ]; }

FAILURES=0
PLAN_ROWS=()
PROPOSAL_ROWS=()

# plan LABEL EXPECTED_OUTCOME EXPECTED_REASON FIELD VALUE ...: XADD a plan, wait for its permit or block, record it.
plan() {
  local label=$1 want_outcome=$2 want_reason=$3
  shift 3
  local id
  id=$(new_plan_id)
  rcli XADD quantum:stream:apply.plan '*' plan_id "$id" decision EXECUTE "$@" >/dev/null
  wait_for 20 "an outcome for plan $id ($label)" decided "$id"
  local outcome reason detail block symbol
  symbol=$(sed -n 's/.*symbol \([A-Z0-9]*\).*/\1/p' <<<" $* ")
  if [ "$(rcli EXISTS "quantum:permit:$id")" = 1 ]; then
    outcome=ALLOW reason=none detail=
  else
    block=$(rcli GET "quantum:governor:block:$id")
    outcome=BLOCK reason=$(json_field "$block" reason) detail=$(json_field "$block" detail)
  fi
  local verdict=ok
  if [ "$outcome" != "$want_outcome" ] || [ "$reason" != "$want_reason" ]; then
    verdict="EXPECTED $want_outcome $want_reason"
    FAILURES=$((FAILURES + 1))
  fi
  PLAN_ROWS+=("$(printf '%-8s  %-9s %-34s %-6s %-22s %-20s %s' "${id:0:8}" "$symbol" "$label" "$outcome" "$reason" "$detail" "$verdict")")
  LAST_PLAN_ID=$id
}

# proposal LABEL EQUITY ACTION EXPECTED_ACTION EXPECTED_BUCKET: set equity, XADD a harvest proposal in the real
# producer's shape (harvest_action, no plan_id), wait for its calibrated entry via the done key, record it.
proposal() {
  local label=$1 equity=$2 action=$3 want_action=$4 want_bucket=$5
  rcli HSET quantum:state:portfolio equity_usd "$equity" >/dev/null
  local in_id out_id
  in_id=$(rcli XADD quantum:stream:harvest.proposal '*' symbol ETHUSDT harvest_action "$action" \
    source harvest_publisher)
  done_key_set() { [ -n "$(rcli GET "quantum:p26:done:$in_id")" ]; }
  wait_for 20 "a calibrated entry for proposal $in_id ($label)" done_key_set
  out_id=$(rcli GET "quantum:p26:done:$in_id")
  local -a lines
  local -A f=()
  mapfile -t lines < <(rcli XRANGE quantum:stream:harvest.calibrated "$out_id" "$out_id")
  local i
  for ((i = 1; i + 1 < ${#lines[@]}; i += 2)); do f[${lines[i]}]=${lines[i + 1]}; done
  local verdict=ok
  if [ "${f[calibrated_action]:-}" != "$want_action" ] || [ "${f[heat_bucket]:-}" != "$want_bucket" ]; then
    verdict="EXPECTED $want_action $want_bucket"
    FAILURES=$((FAILURES + 1))
  fi
  PROPOSAL_ROWS+=("$(printf '%-20s %-8s %-20s %7s  %-6s %-6s %-20s %-22s %s' "${f[plan_id]:-?}" "${f[symbol]:-?}" \
    "$action" "$equity" "${f[heat_value]:-?}" "${f[heat_bucket]:-?}" "${f[calibrated_action]:-?}" "${f[reason]:-?}" "$verdict")")
}

# ---------------------------------------------------------------------------------------------------------------
# The exchange view the Governor installed must be the seed's account.
META_POSITIONS=$(rcli HGET quantum:governor:exchange:meta positions_open)
META_NOTIONAL=$(printf '%.2f' "$(rcli HGET quantum:governor:exchange:meta total_notional)")
META_WALLET=$(printf '%.2f' "$(rcli HGET quantum:governor:exchange:meta wallet_balance)")
SNAPSHOT_VERDICT=ok
if [ "$META_POSITIONS" != 22 ] || [ "$META_NOTIONAL" != 118844.14 ] || [ "$META_WALLET" != 13661.00 ]; then
  SNAPSHOT_VERDICT="EXPECTED 22 positions, \$118844.14, wallet \$13661.00"
  FAILURES=$((FAILURES + 1))
fi

# The seed scenario (contract §7.1), in order: the CLOSE stamps BTCUSDT's cooldown, so the OPEN on BTCUSDT after it
# is blocked; the OPEN on a new symbol would make 23 positions > 10.
plan "CLOSE PARTIAL_75 (apply layer)" ALLOW none symbol BTCUSDT action PARTIAL_75 kill_score 0.412
plan "CLOSE FULL_CLOSE_PROPOSED" ALLOW none symbol ETHUSDT action FULL_CLOSE_PROPOSED kill_score 0.350
plan "OPEN BUY 0.002 (intent bridge)" BLOCK symbol_cooldown \
  symbol BTCUSDT side BUY qty 0.002 reduceOnly false source intent_bridge
plan "OPEN BUY 1.0 (new symbol)" BLOCK max_positions_reached \
  symbol SOLUSDT side BUY qty 1.0 reduceOnly false source intent_bridge
WHY_PLAN=$LAST_PLAN_ID

KILL_ON_OUT=$(gov_cli kill on --reason "demo: kill switch drill" 2>&1) || die "kill on failed: $KILL_ON_OUT"
plan "CLOSE FULL_CLOSE with kill on" BLOCK kill_switch_active symbol XRPUSDT action FULL_CLOSE kill_score 0.2
KILL_OFF_OUT=$(gov_cli kill off --reason "demo: drill over" 2>&1) || die "kill off failed: $KILL_OFF_OUT"
plan "CLOSE side=CLOSE after kill off" ALLOW none symbol DOGEUSDT side CLOSE qty 1000 reduceOnly true \
  source intent_bridge

proposal "COLD portfolio" 10000 FULL_CLOSE_PROPOSED PARTIAL_25 COLD
proposal "WARM portfolio" 2500 FULL_CLOSE_PROPOSED PARTIAL_75 WARM
proposal "HOT portfolio" 1250 FULL_CLOSE_PROPOSED FULL_CLOSE_PROPOSED HOT
proposal "partial exit" 1250 PARTIAL_50 PARTIAL_50 HOT

# ---------------------------------------------------------------------------------------------------------------
# Summary, read back from Redis.
echo
echo "== Exchange view (FakeBinance, seed account) installed by the Governor's poller"
printf '  %s positions, total notional $%s, wallet $%s  %s\n' "$META_POSITIONS" "$META_NOTIONAL" "$META_WALLET" "$SNAPSHOT_VERDICT"
echo
echo "== Governor (APPLY_MODE=testnet, default caps: 10 positions, \$200/trade, \$2000 total, cooldown 60s)"
printf '  %-8s  %-9s %-34s %-6s %-22s %-20s %s\n' plan symbol "plan" outcome reason detail check
for row in "${PLAN_ROWS[@]}"; do echo "  $row"; done
echo "  (kill switch: \`kill on\` before the XRPUSDT plan, \`kill off\` before the DOGEUSDT plan, via the Governor CLI)"
echo
echo "== Heat Gate (P26_MODE=shadow; Σ|notional|×sigma = \$1000 over BTC/ETH/BNB snapshots; heat = 1000 ÷ equity)"
printf '  %-20s %-8s %-20s %7s  %-6s %-6s %-20s %-22s %s\n' proposal symbol action equity heat bucket calibrated reason check
for row in "${PROPOSAL_ROWS[@]}"; do echo "  $row"; done
echo
echo "== Why was plan ${WHY_PLAN:0:8} blocked? (java -jar $GOV_JAR why $WHY_PLAN)"
gov_cli why "$WHY_PLAN" 2>&1 | sed 's/^/  /' || true
echo
echo "== Daemon log lines (grep -E 'ALLOWED|BLOCKED|SHADOW-COMPARE|DOWNGRADE|PASS|Fund caps')"
grep -aE 'ALLOWED|BLOCKED|SHADOW-COMPARE|DOWNGRADE|PASS|Fund caps' "$WORK/governor.log" | sed 's/^/  governor  | /' || true
grep -aE 'ALLOWED|BLOCKED|SHADOW-COMPARE|DOWNGRADE|PASS|Fund caps' "$WORK/heat-gate.log" | sed 's/^/  heat-gate | /' || true
echo

if [ "$FAILURES" -gt 0 ]; then
  echo "DEMO FAILED: $FAILURES outcome(s) differ from the seed scenario (see 'EXPECTED' above)"
  exit 1
fi
echo "DEMO OK: every plan and proposal got the seed scenario's outcome"
OK_RUN=1

if [ "$KEEP_RUNNING" = 1 ]; then
  cat <<EOF

Everything keeps running (logs in $WORK):
  curl -s localhost:$GOV_METRICS/metrics | grep '^quantum_govern_'
  curl -s localhost:$P26_METRICS/metrics | grep '^p26_'
  curl -s localhost:$GOV_METRICS/healthz; curl -s localhost:$P26_METRICS/healthz
  REDIS_URL=$REDIS_URL java -jar $GOV_JAR status
  REDIS_URL=$REDIS_URL java -jar $HG_JAR status
  redis-cli -u $REDIS_URL XREVRANGE quantum:stream:governor.decisions + - COUNT 5
  tail -f $WORK/governor.log $WORK/heat-gate.log
Stop it all with:
  kill ${PIDS[*]}${REDIS_PID:+ $REDIS_PID}; rm -rf $WORK
EOF
fi
