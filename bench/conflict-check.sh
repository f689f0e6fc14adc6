#!/usr/bin/env bash
# Conflict check benchmark: loads 1,000,000 direct-sales accounts and 200,000 active claims into a scratch
# database, then times 10,000 conflict checks (hits, misses and typos, a third each) and prints p50/p95/p99.
# The figures are also written to target/benchmarks/conflict-check.txt.
#
#   bench/conflict-check.sh
#
# Settings (environment, all optional):
#   BENCH_PG_URL       JDBC URL of the PostgreSQL server to use (any database on it; default
#                      jdbc:postgresql://127.0.0.1:5432/postgres). A scratch database dealreg_bench_* is
#                      created on it and dropped at the end. Needs psql and a role that may create databases.
#   BENCH_PG_USER      its user (default postgres); a password comes from PGPASSWORD
#   BENCH_ACCOUNTS     direct accounts (default 1000000)
#   BENCH_CLAIMS       active claims (default 200000)
#   BENCH_CHECKS       timed checks (default 10000), after BENCH_WARMUP (default 500) untimed ones
#   BENCH_MAX_MINUTES  the timed loop stops after this many minutes (default 15); the report then says so
#   BENCH_EXTRA_SQL    statements separated by ';;' run after loading and before timing (to try an index)
#   BENCH_JVM_ARGS     extra options for the benchmark's JVM (a flight recording, say:
#                      -XX:StartFlightRecording=filename=target/benchmarks/check.jfr,settings=profile)
#   BENCH_KEEP=1       keep the scratch database at the end (its name is printed) instead of dropping it
#   BENCH_DB           an existing scratch database dealreg_bench_* to run in: it is not created or dropped, and
#                      what an earlier run loaded there is reused when the account count matches (saves the
#                      load while tuning; migrations added since are applied at start-up as usual)
set -euo pipefail
cd "$(dirname "$0")/.."

url="${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}"
user="${BENCH_PG_USER:-postgres}"
accounts="${BENCH_ACCOUNTS:-1000000}"
claims="${BENCH_CLAIMS:-200000}"
checks="${BENCH_CHECKS:-10000}"
warmup="${BENCH_WARMUP:-500}"
extra_sql="${BENCH_EXTRA_SQL:-}"
max_minutes="${BENCH_MAX_MINUTES:-15}"

# jdbc:postgresql://host[:port][/database][?params]
if [[ ! "$url" =~ ^jdbc:postgresql://([^/:?]+)(:([0-9]+))?(/([^?]*))?(\?.*)?$ ]]; then
  echo "BENCH_PG_URL must look like jdbc:postgresql://host:port/database, not: $url" >&2
  exit 2
fi
host="${BASH_REMATCH[1]}"
port="${BASH_REMATCH[3]:-5432}"
params="${BASH_REMATCH[6]:-}"
for n in "$accounts" "$claims" "$checks" "$warmup" "$max_minutes"; do
  [[ "$n" =~ ^[0-9]+$ ]] || { echo "sizes must be whole numbers, not: $n" >&2; exit 2; }
done
command -v psql >/dev/null || { echo "psql is needed to create the scratch database" >&2; exit 2; }

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$host" -p "$port" -U "$user" -d postgres "$@"; }

reuse=false
if [[ -n "${BENCH_DB:-}" ]]; then
  db="$BENCH_DB"
  [[ "$db" =~ ^dealreg_bench_[A-Za-z0-9_]+$ ]] || { echo "BENCH_DB must name a scratch database dealreg_bench_*" >&2; exit 2; }
  reuse=true
  keep=1
else
  db="dealreg_bench_$(date +%Y%m%d_%H%M%S)_$$"
  psql_admin -c "create database ${db}"
  keep="${BENCH_KEEP:-0}"
fi
cleanup() {
  if [[ "$keep" == 1 ]]; then
    echo "== kept the scratch database ${db} (run again with BENCH_DB=${db}; drop it with: dropdb ${db})"
    return
  fi
  psql_admin -c "drop database if exists ${db} with (force)" >/dev/null 2>&1 \
    || echo "could not drop the scratch database ${db}; drop it by hand" >&2
}
trap cleanup EXIT
trap 'exit 130' INT TERM
echo "== scratch database ${db} on ${host}:${port}; loading ${accounts} accounts and ${claims} claims, then ${checks} checks"

scratch_url="jdbc:postgresql://${host}:${port}/${db}${params}"
out="target/benchmarks/conflict-check.txt"
mkdir -p target/benchmarks
rm -f "$out"

# The surefire configuration sets systemPropertyVariables but no argLine, so the argLine user property is
# what the forked test JVM is started with: the settings travel there. The password (if any) goes by the
# environment (SPRING_DATASOURCE_PASSWORD) rather than the command line.
arg_line="-Dspring.datasource.url=${scratch_url} -Dspring.datasource.username=${user}"
arg_line+=" -Dbench.accounts=${accounts} -Dbench.claims=${claims} -Dbench.checks=${checks} -Dbench.warmup=${warmup}"
arg_line+=" -Dbench.maxMinutes=${max_minutes} -Dbench.reuse=${reuse} -Dlogging.level.root=WARN"
# the engaged names' copy says how many names it loaded and its approximate size
arg_line+=" -Dlogging.level.org.dealreg.accounts.internal.EngagedNames=INFO ${BENCH_JVM_ARGS:-}"
export SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}"
export BENCH_EXTRA_SQL="$extra_sql"   # read by the test JVM from its environment (it may hold spaces)
mvn_args=(test -Dtest=ConflictCheckBenchmark -Dsurefire.failIfNoSpecifiedTests=false
  -Dsurefire.timeout=2400 "-DargLine=${arg_line}")

log="target/benchmarks/conflict-check-maven.log"
set +e
./mvnw -q -o "${mvn_args[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [[ $status -ne 0 ]] && grep -qiE "offline mode|in offline|has not been downloaded" "$log"; then
  echo "== offline build could not resolve everything; retrying with Maven Central"
  ./mvnw -q "${mvn_args[@]}" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
fi
set -e
if [[ $status -ne 0 || ! -s "$out" ]]; then
  echo "benchmark failed (exit ${status}); Maven output in ${log}" >&2
  exit 1
fi

echo
echo "== results (${out})"
cat "$out"
grep "Engaged accounts' names loaded" "$log" | tail -1 | sed 's/^.*: Engaged/engaged names copy (last load): Engaged/' || true
