#!/usr/bin/env bash
# The pages and the submission under load (issue 12): req/s, p99, app and PostgreSQL CPU per request, SQL statements
# per request, and the portal's resident memory, optionally side by side with spring-petclinic.
#
#   bench/requests.sh                                   (after ./mvnw -q package -DskipTests)
#   PETCLINIC_SRC=/tmp/petclinic bench/requests.sh      (also spring-petclinic, its runs interleaved with the portal's)
#
# The portal is started from target/dealreg-*.jar with -Xmx512m in the embedded demo mode with a fresh home: a new
# embedded PostgreSQL, the demo data, pg_stat_statements preloaded (dealreg.embedded.statement-statistics=true). The
# open-registration caps are raised (SQL, then NOTIFY as the settings page does) and Alice's submissions load it
# until Maria's review queue shows a full page of 50 pending registrations and Alice's list a full page of 20.
#
# Measured, each after a warm-up and then RUNS times (medians in the table), with wrk and bench/requests.lua:
#   the submission    POST /deals (the form of /deals/new; a new customer each time, a valid amount), followed by
#                     the GET of the registration it redirects to, as a browser does: the flash message it leaves in
#                     the session is consumed (not following it piles up hundreds of flash maps in the session).
#                     Each POST must answer 302 to /deals/<uuid>; the registrations stored are counted before/after.
#                     Figures are per submission (POST + GET); "the POST alone" is that minus the registration page
#                     (the page it redirects to is one of the same kind: a pending registration of Alice's company).
#   the API submission POST /api/v1/registrations (JSON, a new customer each time, the form's amount) with a token of a
#                     client that Alice (partner admin) created on the Integrations page, asked of /oauth2/token before
#                     each wrk run (tokens live 10 minutes). Each POST must answer 201 with the registration's Location;
#                     there is no page to follow. Compare it with the form's "POST alone".
#   a registration's page GET /deals/{id} (Alice, partner admin; a pending registration of the load)
#   the form          GET /deals/new (Alice)
#   the partner's list GET /deals (Alice, 20 rows)
#   the review queue  GET /review (Maria, 50 rows)
#   the account search GET /accounts?q=$ACCOUNT_QUERY (Sam)
#   the dashboards    GET / as Alice (partner admin), Maria (manager), Sam (rep) and Ada (programme admin): each role's
#                     home page on the demo's data and the load's registrations (bench/dashboards.sh measures them
#                     with 1,000,000 registrations); json-partner, json-manager, json-rep, json-admin (only when ONLY
#                     names them): GET /dashboard.json, which the page's charts fetched until the page carried its figures
# Every GET must answer 200 (a sign-in redirect or an error page aborts the benchmark), wrk may report no error.
#   req/s, p99        from wrk (-t$THREADS -c$CONNS; p99 of all the HTTP requests of the run)
#   app CPU           utime+stime of the java process (/proc/PID/stat) over the run / requests
#   PostgreSQL CPU    the embedded cluster: postmaster (with reaped children) + its live children, as
#                     /work/shared/tools/cpu-per-request.sh reads it
#   statements        a counted pass of STATEMENT_REQUESTS requests, one connection: sum(calls) of pg_stat_statements
#                     (reset before; its own queries excluded), without BEGIN/COMMIT/ROLLBACK, which are counted
#                     as transactions. It includes what the requests' commits set off (mail outbox, audit sealing)
#                     and whatever scheduled job ran meanwhile (the idle rate is printed under the table).
#   memory            VmRSS of the java process after all the runs
# spring-petclinic (PETCLINIC_SRC=<its sources>; built there when it has no target/spring-petclinic-*.jar) runs on
# PETCLINIC_PORT with -Xmx512m and its "postgres" profile against a scratch database PETCLINIC_DB on the machine's
# PostgreSQL (created and dropped here). Its POST /owners/new + GET /owners/{id}, GET /owners/1 and
# GET /owners?lastName= are measured the same way (the owners its submissions add are deleted after each run: its
# list links every page of owners, and would grow with them), except: its PostgreSQL CPU is that of its database's backends
# (the cluster is shared), and its statements are the org.hibernate.SQL lines it logs during the counted pass (the
# level is raised through its actuator for that pass only; it has no other SQL than Hibernate's).
#
# Environment (defaults in brackets):
#   JAR [target/dealreg-*.jar]   BUILD=1 runs ./mvnw -q package -DskipTests first
#   PORT [18181]  PETCLINIC_PORT [18182]  PETCLINIC_DB [dealreg_bench_petclinic]  PETCLINIC_JAR [from PETCLINIC_SRC]
#   PGHOST [127.0.0.1] PGPORT [5432] PGUSER [postgres]: the machine's PostgreSQL, for spring-petclinic only
#   RUNS [3]  DURATION [10s]  WARMUP [10s]  CONNS [8]  THREADS [2]  TIMEOUT [30s] (wrk's per-request timeout)
#   SESSIONS [4] signed-in sessions per user for the pages (requests take them in turn; a submitting thread keeps one)
#   STATEMENT_REQUESTS [50]  ACCOUNT_QUERY [Logistics]  OUT [target/benchmarks/requests.md]
#   JVM_OPTIONS [@jvm.options, with MALLOC_ARENA_MAX=2]: the portal's JVM settings besides -Xmx512m, as it runs
#     everywhere (docs/memory.md); JVM_OPTIONS=none runs it with -Xmx512m alone (a jar from before jvm.options)
#   ONLY ["" = all]: the ids to measure, separated by spaces, of: submit api-submit deal form list review accounts home-partner home-manager home-rep home-admin (and pc_submit
#     pc_owner pc_list with petclinic); to profile one, add a flight recording to JVM_OPTIONS, e.g.
#     ONLY=submit JVM_OPTIONS="@$PWD/jvm.options -XX:StartFlightRecording=filename=/tmp/submit.jfr,settings=profile"
#   KEEP=1 keeps the work folder (logs, the portal's home) and prints where it is
# Needs: java, wrk, curl, psql (the machine's client, also for the embedded cluster). Stops all it started on exit.
set -Eeuo pipefail
trap 'echo "requests.sh: ABORTED: line $LINENO failed: $BASH_COMMAND" >&2' ERR
cd "$(dirname "$0")/.."

PORT=${PORT:-18181}
PETCLINIC_PORT=${PETCLINIC_PORT:-18182}
PETCLINIC_DB=${PETCLINIC_DB:-dealreg_bench_petclinic}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
RUNS=${RUNS:-3} DURATION=${DURATION:-10s} WARMUP=${WARMUP:-10s} CONNS=${CONNS:-8} THREADS=${THREADS:-2}
TIMEOUT=${TIMEOUT:-30s} SESSIONS=${SESSIONS:-4} STATEMENT_REQUESTS=${STATEMENT_REQUESTS:-50}
ACCOUNT_QUERY=${ACCOUNT_QUERY:-Logistics}
OUT=${OUT:-target/benchmarks/requests.md}
JVM_OPTIONS=${JVM_OPTIONS:-@$PWD/jvm.options}
if [[ "$JVM_OPTIONS" == none ]]; then JVM_OPTIONS=""; else export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}; fi
LUA=bench/requests.lua
HZ=$(getconf CLK_TCK)

for tool in java wrk curl psql; do
  command -v "$tool" >/dev/null || { echo "requests.sh: $tool is missing" >&2; exit 2; }
done
(( RUNS >= 1 && RUNS <= 25 )) || { echo "requests.sh: RUNS must be 1..25 (customer names are unique up to 31 wrk runs)" >&2; exit 2; }
(( SESSIONS >= THREADS )) || { echo "requests.sh: SESSIONS must be at least THREADS" >&2; exit 2; }
if [[ "${BUILD:-0}" == 1 ]]; then ./mvnw -B -ntp -q package -DskipTests; fi
JAR=${JAR:-$(ls target/dealreg-*.jar 2>/dev/null | grep -v original | head -1 || true)}
[[ -n "$JAR" && -f "$JAR" ]] || { echo "requests.sh: no target/dealreg-*.jar: run ./mvnw -q package -DskipTests (or BUILD=1, or JAR=...)" >&2; exit 2; }
JAR=$(realpath "$JAR")

work=$(mktemp -d /tmp/requests-bench.XXXXXX)
portal_pid="" pg_pid="" petclinic_pid="" petclinic_db_made=0 wrk_pid="" deal_id=""

log() { echo "[$(date +%T)] $*" >&2; }
die() {
  echo >&2
  echo "requests.sh: ABORTED: $*" >&2
  exit 1
}

stop_pid() {  # TERM, then KILL after $2 seconds
  local pid=$1 wait_s=${2:-30}
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq $((wait_s * 10))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  set +e
  [[ -n "$wrk_pid" ]] && kill -KILL "$wrk_pid" 2>/dev/null
  stop_pid "$petclinic_pid" 30
  # the portal stops its embedded PostgreSQL on the way out; if it could not, the postmaster is stopped here
  stop_pid "$portal_pid" 60
  stop_pid "$pg_pid" 30
  if [[ $petclinic_db_made == 1 ]]; then
    psql -qX -d postgres -c "drop database if exists $PETCLINIC_DB with (force)" >/dev/null 2>&1 \
      || echo "requests.sh: could not drop $PETCLINIC_DB; drop it by hand" >&2
  fi
  if [[ "${KEEP:-0}" == 1 || $status -ne 0 ]]; then
    echo "requests.sh: logs and the portal's home kept in $work" >&2
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------- helpers
jiff() { awk '{print $14+$15}' "/proc/$1/stat"; }

pg_cluster_jiff() {  # postmaster (with its reaped backends) + its live children: the whole embedded cluster
  # (processes end while they are read; a name in parentheses may hold spaces: it is replaced before splitting)
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | sed 's/ (.*) / x /' \
    | awk -v pm="$pg_pid" '$1==pm || $4==pm {s+=$14+$15+$16+$17} END{print s+0}'
}

pg_db_cpu() {  # "pid jiffies" of each backend of spring-petclinic's database (the machine's cluster is shared)
  local pid
  for pid in $(psql -qAtX -d postgres -c "select pid from pg_stat_activity where datname = '$PETCLINIC_DB'"); do
    [[ -r /proc/$pid/stat ]] && echo "$pid $(jiff "$pid")"
  done
  return 0
}

pg_db_jiff_delta() {  # $1, $2: files of pg_db_cpu before and after: jiffies spent meanwhile (new backends wholly)
  awk 'NR==FNR {b[$1]=$2; next} {s+=$2-($1 in b ? b[$1] : 0)} END{print s+0}' "$1" "$2"
}

embedded_sql() { psql -qAtX -h 127.0.0.1 -p "$embedded_port" -U postgres -d postgres "$@"; }
petclinic_sql() { psql -qAtX -d "$PETCLINIC_DB" "$@"; }

wait_for_log() {  # file pattern pid seconds
  local i
  for i in $(seq "$4"); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || { tail -40 "$1" >&2; die "the process writing $1 ended before \"$2\""; }
    sleep 1
  done
  tail -40 "$1" >&2
  die "no \"$2\" in $1 after $4 s"
}

sign_in() {  # port email -> SESSION=...
  local jar="$work/jar.$RANDOM$RANDOM" csrf status
  csrf=$(curl -sf -c "$jar" -b "$jar" "http://127.0.0.1:$1/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
    | sed 's/.*value="//; s/"$//')
  [[ -n "$csrf" ]] || die "no sign-in form on port $1"
  status=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "email=$2" \
    --data-urlencode "password=demo-password" --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$1/login")
  [[ "$status" == 302* && "$status" != *error* ]] || die "signing in $2 answered $status"
  awk '$6=="SESSION" {print "SESSION="$7}' "$jar"
}

csrf_of() {  # cookie path -> the CSRF token of the form on that page (one per session)
  curl -sf -b "$1" "http://127.0.0.1:$PORT$2" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'
}

get_page() {  # cookie url -> body; dies unless 200
  local body="$work/page.html" status
  status=$(curl -s -o "$body" -w '%{http_code}' -b "$1" "$2")
  [[ "$status" == 200 ]] || die "GET $2 answered $status"
  cat "$body"
}

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
median() { sort -g | awk '{a[NR]=$1} END{print (NR ? a[int((NR+1)/2)] : "")}'; }

# ------------------------------------------------------------------------------------------------ the pages
# id | app | what (the table's words) | mode | path | user
pages=(
  "submit|dealreg|submission: \`POST /deals\` + its redirect|deal|/deals|alice"
  "api-submit|dealreg|API submission: \`POST /api/v1/registrations\` (Alice's client)|api|/api/v1/registrations|alice"
  "deal|dealreg|a registration's page \`GET /deals/{id}\` (Alice)|get|/deals/DEAL_ID|alice"
  "form|dealreg|the form \`GET /deals/new\` (Alice)|get|/deals/new|alice"
  "list|dealreg|the partner's list \`GET /deals\` (Alice, 20 rows)|get|/deals|alice"
  "review|dealreg|the review queue \`GET /review\` (Maria, 50 rows)|get|/review|maria"
  "accounts|dealreg|the account search \`GET /accounts?q=$ACCOUNT_QUERY\` (Sam)|get|/accounts?q=$ACCOUNT_QUERY|sam"
  "home-partner|dealreg|the partner admin's dashboard \`GET /\` (Alice)|get|/|alice"
  "home-manager|dealreg|the channel manager's dashboard \`GET /\` (Maria)|get|/|maria"
  "home-rep|dealreg|the sales rep's dashboard \`GET /\` (Sam)|get|/|sam"
  "home-admin|dealreg|the programme admin's dashboard \`GET /\` (Ada)|get|/|ada"
  "json-partner|dealreg|the partner admin's \`GET /dashboard.json\` (Alice)|get|/dashboard.json|alice"
  "json-manager|dealreg|the channel manager's \`GET /dashboard.json\` (Maria)|get|/dashboard.json|maria"
  "json-rep|dealreg|the sales rep's \`GET /dashboard.json\` (Sam)|get|/dashboard.json|sam"
  "json-admin|dealreg|the programme admin's \`GET /dashboard.json\` (Ada)|get|/dashboard.json|ada"
  "pc_submit|petclinic|submission: \`POST /owners/new\` + its redirect|owner|/owners/new|pc"
  "pc_owner|petclinic|an owner's page \`GET /owners/1\`|get|/owners/1|pc"
  "pc_list|petclinic|the owner list \`GET /owners?lastName=\` (5 rows of its 10 owners)|get|/owners?lastName=|pc"
)
page() { local p; for p in "${pages[@]}"; do [[ "$p" == "$1|"* ]] && { echo "$p"; return; }; done; }
declare -A cookies tokens seed_of=([dealreg]=0 [petclinic]=0)
api_client="" api_secret=""
close_date=$(date -d '+60 days' +%F)


lua_args() {  # id -> the arguments of bench/requests.lua for that page
  local id=$1 app what mode path user
  IFS='|' read -r _ app what mode path user <<<"$(page "$id")"
  path=${path/DEAL_ID/$deal_id}
  case $mode in
    get) echo "mode=get path=$path cookies=${cookies[$user]} dump=$work/bad-$id" ;;
    deal) echo "mode=deal cookies=${cookies[alice_submit]} tokens=${tokens[alice_submit]} close=$close_date amount=90000 dump=$work/bad-$id" ;;
    api) echo "mode=api bearer=$(api_token) close=$close_date amount=90000 dump=$work/bad-$id" ;;
    owner) echo "mode=owner cookies=${cookies[pc_submit]} dump=$work/bad-$id" ;;
  esac
}

base_url() { [[ $(page "$1" | cut -d'|' -f2) == petclinic ]] && echo "http://127.0.0.1:$PETCLINIC_PORT" || echo "http://127.0.0.1:$PORT"; }
stored_rows() {
  case $(page "$1" | cut -d'|' -f4) in
    deal|api) embedded_sql -c "select count(*) from registration" ;;
    owner) petclinic_sql -c "select count(*) from owners" ;;
    *) echo 0 ;;
  esac
}

forget_owners() {  # spring-petclinic's list links every page of owners: the owners the runs add are removed after
  # each run (outside the measured time), so that its list stays the one of its seed data (10 owners, 2 pages)
  [[ $(page "$1" | cut -d'|' -f4) == owner ]] && petclinic_sql -c "delete from owners where address in ('12 Bench Street', '1 Setup Street')"
  return 0
}

check_result() {  # id result rows_delta conns: abort unless every response was the real page or a stored submission
  local id=$1 r=$2 delta=$3 conns=$4 mode
  mode=$(page "$id" | cut -d'|' -f4)
  [[ -n "$r" ]] || die "$id: wrk gave no RESULT line (see $work/wrk-$id.out)"
  local requests sent ok_posts ok_gets
  requests=$(field requests "$r"); sent=$(field sent_posts "$r"); ok_posts=$(field ok_posts "$r"); ok_gets=$(field ok_gets "$r")
  (( $(field socket_errors "$r") == 0 )) || die "$id: wrk socket errors or timeouts: $r"
  (( $(field status_errors "$r") == 0 )) || die "$id: non-2xx/3xx responses: $r"
  (( $(field bad "$r") == 0 )) || die "$id: responses that are not the page (a sign-in redirect, an error, the form again): $r
  (they are in $work/bad-$id-*.html)"
  (( requests > 0 )) || die "$id: no request completed: $r"
  if [[ $mode == get ]]; then
    (( ok_gets == requests )) || die "$id: $ok_gets of $requests requests answered 200: $r"
  else
    # a POST answered with the form again (errors, a refusal) is a 200 that stores nothing: the counts tell
    # (in flight when wrk stopped: one a connection, and wrk asks one more of the script on starting a thread)
    (( sent - ok_posts <= conns + THREADS )) || die "$id: $sent POSTs sent, $ok_posts redirected to a stored record: $r"
    (( delta >= ok_posts && delta <= sent )) || die "$id: $delta rows stored for $ok_posts redirects of $sent POSTs: $r"
  fi
}

api_token() {  # a new access token of Alice's client (client-credentials grant)
  local token
  token=$(curl -sf -u "$api_client:$api_secret" -d grant_type=client_credentials -d scope=registrations:write \
    "http://127.0.0.1:$PORT/oauth2/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [[ -n "$token" ]] || die "/oauth2/token gave Alice's client no token"
  echo "$token"
}

# measure id run duration: one wrk run with CPU readings; appends "id run rps p99_ms app_ms pg_ms" to $work/runs
measure() {
  local id=$1 run=$2 duration=$3 app mode pid args rows0 rows1 a0 a1 p0 p1 out r units secs
  app=$(page "$id" | cut -d'|' -f2); mode=$(page "$id" | cut -d'|' -f4)
  pid=$portal_pid; [[ $app == petclinic ]] && pid=$petclinic_pid
  args=$(lua_args "$id")
  if [[ $mode != get ]]; then seed_of[$app]=$(( ${seed_of[$app]} + 1 )); args+=" seed=${seed_of[$app]}"; fi
  rows0=$(stored_rows "$id")
  a0=$(jiff "$pid")
  if [[ $app == dealreg ]]; then p0=$(pg_cluster_jiff); else pg_db_cpu >"$work/pg0"; fi
  # shellcheck disable=SC2086
  out=$(wrk -t"$THREADS" -c"$CONNS" -d"$duration" --timeout "$TIMEOUT" -s "$LUA" "$(base_url "$id")" -- $args)
  a1=$(jiff "$pid")
  if [[ $app == dealreg ]]; then p1=$(pg_cluster_jiff); else pg_db_cpu >"$work/pg1"; p0=0; p1=$(pg_db_jiff_delta "$work/pg0" "$work/pg1"); fi
  rows1=$(stored_rows "$id")
  echo "$out" >"$work/wrk-$id-$run.out"
  r=$(grep '^RESULT' <<<"$out" || true)
  check_result "$id" "$r" $((rows1 - rows0)) "$CONNS"
  forget_owners "$id"
  units=$(field requests "$r"); [[ $mode != get ]] && units=$(field ok_posts "$r")
  secs=$(awk -v us="$(field duration_us "$r")" 'BEGIN{print us/1e6}')
  [[ $run == warmup ]] && { log "  $id warm-up: $units in ${secs}s"; return; }
  awk -v id="$id" -v run="$run" -v n="$units" -v s="$secs" -v p99="$(field p99_us "$r")" -v a=$((a1 - a0)) \
    -v p=$((p1 - p0)) -v hz="$HZ" 'BEGIN{printf "%s %s %.2f %.1f %.2f %.2f\n", id, run, n/s, p99/1000, a*1000/hz/n, p*1000/hz/n}' \
    | tee -a "$work/runs" >&2
}

# counted id: STATEMENT_REQUESTS requests (submissions: POST + GET pairs) on one connection; appends
# "id statements_per transactions_per" to $work/statements and the statements themselves to $work/statements.txt
counted() {
  local id=$1 app mode args n stopfile r units s0 s1 stmts tx rows0
  app=$(page "$id" | cut -d'|' -f2); mode=$(page "$id" | cut -d'|' -f4)
  args=$(lua_args "$id")
  n=$STATEMENT_REQUESTS
  if [[ $mode != get ]]; then
    seed_of[$app]=$(( ${seed_of[$app]} + 1 )); args+=" seed=${seed_of[$app]}"
    if [[ $mode != api ]]; then n=$((2 * STATEMENT_REQUESTS)); fi  # each POST and the page it redirects to
  fi
  stopfile="$work/stopped-$id"; rm -f "$stopfile"
  rows0=$(stored_rows "$id")
  if [[ $app == dealreg ]]; then
    embedded_sql -c "select pg_stat_statements_reset()" >/dev/null
  else
    curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"configuredLevel":"DEBUG"}' \
      "http://127.0.0.1:$PETCLINIC_PORT/actuator/loggers/org.hibernate.SQL" || die "petclinic's actuator refused the logger level"
    s0=$(grep -c 'org.hibernate.SQL' "$work/petclinic.log" || true)
  fi
  # shellcheck disable=SC2086
  wrk -t1 -c1 -d600s --timeout "$TIMEOUT" -s "$LUA" "$(base_url "$id")" -- $args stop=$n stopped=$stopfile \
    >"$work/wrk-$id-counted.out" &
  wrk_pid=$!
  while [[ ! -e $stopfile ]] && kill -0 "$wrk_pid" 2>/dev/null; do sleep 0.05; done
  kill -INT "$wrk_pid" 2>/dev/null || true
  wait "$wrk_pid" || true
  wrk_pid=""
  sleep 0.5  # what the last commit set off (mail, audit sealing) runs right after it
  r=$(grep '^RESULT' "$work/wrk-$id-counted.out" || true)
  units=$(field requests "$r"); [[ $mode != get ]] && units=$(field ok_posts "$r")
  if [[ $app == dealreg ]]; then
    read -r stmts tx < <(embedded_sql -F ' ' -c "
      select coalesce(sum(calls) filter (where not tx), 0), coalesce(sum(calls) filter (where query ~* '^begin'), 0)
        from (select calls, query, query ~* '^(begin|commit|rollback|end|start transaction)' as tx
                from pg_stat_statements where query !~* 'pg_stat_statements') s")
    { echo "== $id: $units requests (calls, execution ms per request, statement)"
      embedded_sql -F ' ' -c "select calls, to_char(total_exec_time / $units, 'FM990.000'),
          left(regexp_replace(query, '\s+', ' ', 'g'), 160)
        from pg_stat_statements where query !~* 'pg_stat_statements' order by calls desc, query"; } >>"$work/statements.txt"
  else
    s1=$(grep -c 'org.hibernate.SQL' "$work/petclinic.log" || true)
    curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"configuredLevel":null}' \
      "http://127.0.0.1:$PETCLINIC_PORT/actuator/loggers/org.hibernate.SQL" || true
    stmts=$((s1 - s0)); tx=""
    { echo "== $id: $units requests"; grep 'org.hibernate.SQL' "$work/petclinic.log" | tail -n "$stmts" \
        | sed 's/.*org.hibernate.SQL *: *//' | sort | uniq -c | sort -rn; } >>"$work/statements.txt"
  fi
  check_result "$id" "$r" $(( $(stored_rows "$id") - rows0 )) 1  # after reading the statistics: its query is no request's
  forget_owners "$id"
  awk -v id="$id" -v s="$stmts" -v t="$tx" -v n="$units" \
    'BEGIN{printf "%s %.1f %s\n", id, s/n, (t == "" ? "-" : sprintf("%.1f", t/n))}' | tee -a "$work/statements" >&2
}

# ------------------------------------------------------------------------------------------------ the portal
load_at_start=$(cut -d' ' -f1-3 /proc/loadavg)
log "dealreg: $JAR on port $PORT, fresh embedded home in $work/home"
ss -Hltn "sport = :$PORT" | grep -q . && die "port $PORT is taken"
# shellcheck disable=SC2086
PORT=$PORT java $JVM_OPTIONS -Xmx512m -Ddealreg.embedded.enabled=true -Ddealreg.embedded.home="$work/home/.dealreg" \
  -Ddealreg.embedded.statement-statistics=true -jar "$JAR" >"$work/portal.log" 2>&1 &
portal_pid=$!
wait_for_log "$work/portal.log" "Embedded demo mode: PostgreSQL on port" "$portal_pid" 120
embedded_port=$(sed -n 's/.*Embedded demo mode: PostgreSQL on port \([0-9]*\).*/\1/p' "$work/portal.log" | head -1)
pg_pid=$(ss -Hltnp "sport = :$embedded_port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
[[ -n "$pg_pid" ]] || die "no process listens on the embedded PostgreSQL's port $embedded_port"
wait_for_log "$work/portal.log" "dealreg is running at" "$portal_pid" 300
log "dealreg is up (pid $portal_pid); embedded PostgreSQL on port $embedded_port (postmaster $pg_pid)"

embedded_sql -c "create extension if not exists pg_stat_statements"
# the tiers' open-registration caps, raised the way an admin's change reaches every node: the row, then NOTIFY
embedded_sql -c "update program_setting set value = '1000000', updated_at = now(), updated_by = 'bench/requests.sh'
                   where name in ('open-cap-registered', 'open-cap-certified'); notify dealreg_settings;"

for user in alice maria sam ada; do
  email=$user@dealreg.example; [[ $user == alice ]] && email=alice@northwind.example
  list=""
  for _ in $(seq "$SESSIONS"); do list+="${list:+,}$(sign_in "$PORT" "$email")"; done
  cookies[$user]=$list
done
# a submitting thread keeps one of Alice's sessions, with the token of its form
cookies[alice_submit]=$(cut -d, -f1-"$THREADS" <<<"${cookies[alice]}")
tokens[alice_submit]=$(for c in ${cookies[alice_submit]//,/ }; do csrf_of "$c" /deals/new; done | paste -sd,)
[[ $(tr ',' '\n' <<<"${tokens[alice_submit]}" | grep -c .) == "$THREADS" ]] || die "no CSRF token on Alice's form"
cap_seen=0
for _ in $(seq 40); do  # the listener reloads the settings within a second or so: the form then says so
  get_page "${cookies[alice]%%,*}" "http://127.0.0.1:$PORT/deals/new" | grep 'id="cap-usage"' \
    | grep -Eq '1[,. ]?000[,. ]?000' && { cap_seen=1; break; }
  sleep 0.5
done
(( cap_seen )) || die "the form does not show the raised cap of 1,000,000 open registrations"

# the load: Alice's submissions until Maria's queue has a full page of 50 (with some to spare) and Alice's list 20
pending=$(embedded_sql -c "select count(*) from registration where status = 'SUBMITTED'")
need=$(( 60 - pending ))
if (( need > 0 )); then
  log "loading: $need submissions through the portal ($pending pending)"
  saved=$STATEMENT_REQUESTS; STATEMENT_REQUESTS=$need
  counted submit >/dev/null
  STATEMENT_REQUESTS=$saved
fi
deal_id=$(embedded_sql -c "select id from registration where status = 'SUBMITTED' order by submitted_at desc limit 1")
review_rows=$(get_page "${cookies[maria]%%,*}" "http://127.0.0.1:$PORT/review" | grep -o 'href="/review/[0-9a-f-]\{36\}"' | sort -u | wc -l)
list_rows=$(get_page "${cookies[alice]%%,*}" "http://127.0.0.1:$PORT/deals" | grep -o 'href="/deals/[0-9a-f-]\{36\}"' | sort -u | wc -l)
account_rows=$(get_page "${cookies[sam]%%,*}" "http://127.0.0.1:$PORT/accounts?q=$ACCOUNT_QUERY" | grep -o 'href="/accounts/[0-9a-f-]\{36\}"' | sort -u | wc -l)
get_page "${cookies[alice]%%,*}" "http://127.0.0.1:$PORT/deals/$deal_id" | grep -q "$deal_id" || die "the registration's page does not show it"
(( review_rows == 50 )) || die "the review queue shows $review_rows registrations, not a full page of 50"
(( list_rows == 20 )) || die "the partner's list shows $list_rows registrations, not a full page of 20"
(( account_rows > 0 )) || die "the account search for \"$ACCOUNT_QUERY\" finds nothing"
log "loaded: review queue 50 rows, partner's list 20 rows, account search $account_rows results"

# ------------------------------------------------------------------------------------------ spring-petclinic
ids=(submit api-submit deal form list review accounts home-partner home-manager home-rep home-admin)
if [[ -n "${PETCLINIC_SRC:-}" ]]; then
  PETCLINIC_JAR=${PETCLINIC_JAR:-$(ls "$PETCLINIC_SRC"/target/spring-petclinic-*.jar 2>/dev/null | head -1 || true)}
  if [[ -z "$PETCLINIC_JAR" ]]; then
    log "building spring-petclinic in $PETCLINIC_SRC"
    (cd "$PETCLINIC_SRC" && ./mvnw -B -ntp -q package -DskipTests -Dcheckstyle.skip=true -Dspring-javaformat.skip=true \
      -Djacoco.skip=true) >"$work/petclinic-build.log" 2>&1 || { tail -30 "$work/petclinic-build.log" >&2; die "spring-petclinic did not build"; }
    PETCLINIC_JAR=$(ls "$PETCLINIC_SRC"/target/spring-petclinic-*.jar | head -1)
  fi
  ss -Hltn "sport = :$PETCLINIC_PORT" | grep -q . && die "port $PETCLINIC_PORT is taken"
  psql -qX -d postgres -c "drop database if exists $PETCLINIC_DB with (force)" -c "create database $PETCLINIC_DB" >/dev/null
  petclinic_db_made=1
  log "spring-petclinic: $PETCLINIC_JAR on port $PETCLINIC_PORT, database $PETCLINIC_DB on $PGHOST:$PGPORT"
  (cd "$work" && exec java -Xmx512m -jar "$PETCLINIC_JAR" --server.port="$PETCLINIC_PORT" --spring.profiles.active=postgres \
    --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$PETCLINIC_DB" --spring.datasource.username="$PGUSER" \
    --spring.datasource.password="${PGPASSWORD:-}" >"$work/petclinic.log" 2>&1) &
  petclinic_pid=$!
  wait_for_log "$work/petclinic.log" "Started PetClinicApplication" "$petclinic_pid" 300
  # its sessions: one per submitting thread, made by a first submission (a redirect leaves a flash message)
  list=""
  for t in $(seq "$THREADS"); do
    jar="$work/pcjar$t"
    where=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$jar" -d firstName=Setup -d lastName="Owner$t" \
      -d address="1 Setup Street" -d city=Madison -d telephone=6085550100 "http://127.0.0.1:$PETCLINIC_PORT/owners/new")
    [[ "$where" == "302 "*"/owners/"* ]] || die "spring-petclinic's POST /owners/new answered $where"
    c=$(awk '$6=="JSESSIONID" {print "JSESSIONID="$7}' "$jar")
    get_page "$c" "${where#302 }" >/dev/null
    list+="${list:+,}$c"
  done
  cookies[pc]=$list cookies[pc_submit]=$list
  forget_owners pc_submit
  log "spring-petclinic is up (pid $petclinic_pid)"
  ids=(submit pc_submit api-submit deal pc_owner form list pc_list review accounts home-partner home-manager home-rep
    home-admin)
fi
if [[ -n "${ONLY:-}" ]]; then
  ids+=(json-partner json-manager json-rep json-admin)  # measured only when asked for
  only=(); for id in "${ids[@]}"; do [[ " $ONLY " == *" $id "* ]] && only+=("$id"); done
  (( ${#only[@]} )) || die "ONLY=\"$ONLY\" names none of: ${ids[*]}"
  ids=("${only[@]}")
fi

if [[ " ${ids[*]} " == *" api-submit "* ]]; then
  # Alice's client, made on the Integrations page as a partner admin makes one: its id and secret are shown once
  c=${cookies[alice]%%,*}
  created=$(curl -sf -b "$c" --data-urlencode "_csrf=$(csrf_of "$c" /integrations)" --data-urlencode "name=bench" \
    "http://127.0.0.1:$PORT/integrations") || die "the Integrations page refused to create a client"
  api_client=$(grep -o 'id="new-client-id">[^<]*' <<<"$created" | sed 's/.*>//')
  api_secret=$(grep -o 'id="new-secret">[^<]*' <<<"$created" | sed 's/.*>//')
  [[ -n "$api_client" && -n "$api_secret" ]] || die "the Integrations page showed no new client id and secret"
  api_token >/dev/null
  log "Alice's API client: $api_client"
fi

# ----------------------------------------------------------------------------------------------- measuring
: >"$work/runs"; : >"$work/statements"; : >"$work/statements.txt"
log "warm-up: $WARMUP each"
for id in "${ids[@]}"; do measure "$id" warmup "$WARMUP"; done
for run in $(seq "$RUNS"); do
  log "run $run of $RUNS: $DURATION each (id run req/s p99_ms app_ms pg_ms)"
  for id in "${ids[@]}"; do measure "$id" "$run" "$DURATION"; done
done
log "counted passes: $STATEMENT_REQUESTS requests each (id statements/request transactions/request)"
for id in "${ids[@]}"; do counted "$id"; done
embedded_sql -c "select pg_stat_statements_reset()" >/dev/null
sleep 10
idle=$(embedded_sql -c "select coalesce(sum(calls), 0) from pg_stat_statements where query !~* 'pg_stat_statements'")
rss_portal=$(awk '/^VmRSS/ {printf "%d", $2/1024}' "/proc/$portal_pid/status")
rss_petclinic=""; [[ -n "$petclinic_pid" ]] && rss_petclinic=$(awk '/^VmRSS/ {printf "%d", $2/1024}' "/proc/$petclinic_pid/status")
pending=$(embedded_sql -c "select count(*) from registration where status = 'SUBMITTED'")
alice_total=$(embedded_sql -c "select count(*) from registration r join partner p on p.id = r.partner_id where p.legal_name = 'Northwind Systems'")

# ------------------------------------------------------------------------------------------------- the table
stat() {  # id column(3..6) -> median over the runs
  awk -v id="$1" -v c="$2" '$1==id {print $c}' "$work/runs" | median
}
stmt() { awk -v id="$1" -v c="$2" '$1==id {print $c}' "$work/statements"; }
row() {  # id
  local what
  what=$(page "$1" | cut -d'|' -f3)
  printf '| %s | %s | %.1f | %.0f | %.2f | %.2f | %s | %s |\n' "$(page "$1" | cut -d'|' -f2)" "$what" "$(stat "$1" 3)" \
    "$(stat "$1" 4)" "$(stat "$1" 5)" "$(stat "$1" 6)" "$(stmt "$1" 2)" "$(stmt "$1" 3)"
}
alone() {  # app pair page what: the POST alone = the pair minus the page it redirects to
  awk -v app="$1" -v a5="$(stat "$2" 5)" -v b5="$(stat "$3" 5)" -v a6="$(stat "$2" 6)" -v b6="$(stat "$3" 6)" \
    -v as="$(stmt "$2" 2)" -v bs="$(stmt "$3" 2)" -v at="$(stmt "$2" 3)" -v bt="$(stmt "$3" 3)" -v what="$4" 'BEGIN{
      printf "| %s | %s | | | %.2f | %.2f | %.1f | %s |\n", app, what, a5-b5, a6-b6, as-bs,
        (at == "-" ? "-" : sprintf("%.1f", at-bt))}'
}
mkdir -p "$(dirname "$OUT")"
{
  echo "| app | request | req/s | p99 ms | app CPU ms/req | PostgreSQL CPU ms/req | SQL statements/req | transactions/req |"
  echo "|---|---|---|---|---|---|---|---|"
  measured() { [[ " ${ids[*]} " == *" $1 "* ]]; }
  measured submit && row submit
  measured submit && measured deal && alone dealreg submit deal "… the POST alone (the row above minus a registration's page)"
  for id in api-submit deal form list review accounts home-partner home-manager home-rep home-admin json-partner \
    json-manager json-rep json-admin pc_submit pc_owner pc_list; do measured "$id" && row "$id"; done
  echo
  echo "$(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +'%Y-%m-%d %H:%M UTC'), $(nproc) cores (load average" \
    "$load_at_start at the start), wrk -t$THREADS -c$CONNS, median of $RUNS runs of $DURATION after $WARMUP of warm-up;" \
    "statements: $STATEMENT_REQUESTS requests on one connection."
  echo "Resident memory after the load: dealreg ${rss_portal} MiB (-Xmx512m${JVM_OPTIONS:+ $JVM_OPTIONS${MALLOC_ARENA_MAX:+, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX}})${rss_petclinic:+, spring-petclinic ${rss_petclinic} MiB (-Xmx512m)}."
  echo "Data at the end: $pending pending registrations (the review queue shows 50), Northwind's list 20 of $alice_total," \
    "the account search $account_rows results; with nothing requested the portal ran $idle statements in 10 s (scheduled jobs)."
  [[ -n "$petclinic_pid" ]] && echo "spring-petclinic: PostgreSQL CPU of its database's backends on the shared cluster;" \
    "statements as Hibernate logs them; transactions not counted. Its submission's redirect shows the new owner, who has" \
    "no pets (2 statements), where /owners/1 has pets and visits (4): the POST alone is not that row's difference."
  echo
  echo "Runs (id run req/s p99_ms app_ms pg_ms):"
  echo '```'
  cat "$work/runs"
  echo '```'
} >"$OUT"
cp "$work/statements.txt" "${OUT%.md}-statements.txt"
echo
cat "$OUT"
echo
log "written to $OUT (the statements of each counted pass: ${OUT%.md}-statements.txt)"
