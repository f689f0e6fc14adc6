#!/usr/bin/env bash
# Every role's dashboard under production-sized data (issue 14): p50/p95/max of GET /dashboard.json (and of the
# page, /) for each role, target p95 < 300 ms.
#
#   ./mvnw -q package -DskipTests && bench/dashboards.sh
#
# Creates a scratch database DB on the machine's PostgreSQL, starts target/dealreg-*.jar on it with the demo profile
# (the demo users, whose password is demo-password) and keys of its own, then loads bench/dashboards.sql: 2,000
# partners, 1,000,000 registrations over 5 years, 50 reps, 10,000 accounts, ~120,000 credits (a few minutes). Then,
# for Alice (partner admin), Maria (channel manager), Sam (rep) and Ada (programme admin), one signed-in session
# each: WARMUP untimed requests, then REQUESTS timed ones one after another (curl's time_total), for the JSON with the
# default filters, then the page. Writes target/benchmarks/dashboards.md; stops the portal and drops the database
# (KEEP=1 keeps it, and DB=<kept database> LOAD=0 measures again without loading).
#
# Environment: DB [dealreg_bench_dash] PORT [18191] REQUESTS [200] PAGE_REQUESTS [50] WARMUP [20] LOAD [1] KEEP [0]
#   PGHOST [127.0.0.1] PGPORT [5432] PGUSER [postgres]
# Needs: java, curl, psql.
set -Eeuo pipefail
trap 'echo "dashboards.sh: ABORTED: line $LINENO failed: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."

DB=${DB:-dealreg_bench_dash} PORT=${PORT:-18191} REQUESTS=${REQUESTS:-200} PAGE_REQUESTS=${PAGE_REQUESTS:-50}
WARMUP=${WARMUP:-20} LOAD=${LOAD:-1} KEEP=${KEEP:-0}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
OUT=target/benchmarks/dashboards.md
work=$(mktemp -d target/bench-dashboards.XXXX)
portal_pid=""

cleanup() {
  [[ -n "$portal_pid" ]] && kill "$portal_pid" 2>/dev/null && wait "$portal_pid" 2>/dev/null || true
  if [[ "$KEEP" != 1 ]]; then psql -q -d postgres -c "drop database if exists $DB with (force)" || true; fi
}
trap cleanup EXIT

jar=$(ls target/dealreg-*.jar | head -1)
if [[ "$LOAD" == 1 ]]; then
  psql -q -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
fi
echo "== starting $jar on $DB (port $PORT)"
# the keys of the database: new with a fresh load, kept beside the build for a run on a kept database (LOAD=0): the
# portal reads, and after it starts indexes, what was sealed under them (docs/receipts.md)
keys=target/bench-dashboards-keys-$DB.env
if [[ "$LOAD" == 1 || ! -f "$keys" ]]; then
  printf 'data=%s\nindex=%s\n' "$(head -c32 /dev/urandom | base64)" "$(head -c32 /dev/urandom | base64)" >"$keys"
fi
DEALREG_CRYPTO_KEYS="bench:$(sed -n 's/^data=//p' "$keys")" DEALREG_CRYPTO_ACTIVE_KEY=bench \
DEALREG_CRYPTO_BLIND_INDEX_KEY="$(sed -n 's/^index=//p' "$keys")" \
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  java -Xmx512m -jar "$jar" --spring.profiles.active=demo --server.port="$PORT" --dealreg.jobs.enabled=false \
  > "$work/portal.log" 2>&1 &
portal_pid=$!
for _ in $(seq 180); do  # the demo data is loaded once the application has started
  grep -q "Demo logins" "$work/portal.log" 2>/dev/null && break
  kill -0 "$portal_pid" 2>/dev/null || { tail -30 "$work/portal.log" >&2; exit 1; }
  sleep 1
done

if [[ "$LOAD" == 1 ]]; then
  echo "== loading bench/dashboards.sql"
  start=$(date +%s)
  psql -q -d "$DB" -f bench/dashboards.sql
  psql -q -d "$DB" -c "vacuum analyze"
  echo "loaded in $(( $(date +%s) - start )) s"
fi
psql -d "$DB" -Atc "select 'registrations ' || count(*) from registration" \
  -c "select 'partners ' || count(*) from partner" \
  -c "select 'first submission ' || min(submitted_at)::date from registration"

sign_in() {  # email -> cookie jar
  local jar="$work/jar-$1" csrf
  csrf=$(curl -sf -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
    | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=$1" --data-urlencode "password=demo-password" \
    --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$PORT/login"
  echo "$jar"
}

timings() {  # jar path count -> one time in ms per line; dies on anything but 200
  local i answer
  for i in $(seq "$3"); do
    answer=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -b "$1" "http://127.0.0.1:$PORT$2")
    [[ "$answer" == 200* ]] || { echo "GET $2 answered $answer" >&2; exit 1; }
    awk '{printf "%.1f\n", $2 * 1000}' <<<"$answer"
  done
}

summary() {  # times on stdin -> p50 p95 max
  sort -g | awk '{a[NR]=$1} END {printf "%s | %s | %s", a[int(NR*0.5+0.5)], a[int(NR*0.95+0.5)], a[NR]}'
}

mkdir -p target/benchmarks
{
  echo "Dashboards, $(date -u +%F), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at the start; ms, one request at a time"
  echo
  echo "| role (user) | what | requests | p50 | p95 | max |"
  echo "|---|---|---|---|---|---|"
} > "$OUT"
for who in "partner admin:alice@northwind.example" "channel manager:maria@dealreg.example" \
           "sales rep:sam@dealreg.example" "programme admin:ada@dealreg.example"; do
  role=${who%%:*} email=${who#*:}
  jar=$(sign_in "$email")
  timings "$jar" /dashboard.json "$WARMUP" > /dev/null
  json=$(timings "$jar" /dashboard.json "$REQUESTS" | summary)
  page=$(timings "$jar" / "$PAGE_REQUESTS" | summary)
  echo "| $role ($email) | GET /dashboard.json | $REQUESTS | $json |" >> "$OUT"
  echo "| $role ($email) | GET / (the page) | $PAGE_REQUESTS | $page |" >> "$OUT"
  echo "$role: json p50|p95|max $json ms; page $page ms"
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at the end" >> "$OUT"
echo "== $OUT"
cat "$OUT"
