#!/usr/bin/env bash
# Export memory benchmark: the accounts export of 200,000 rows (and of 20,000, to compare) as CSV and Excel,
# downloaded over HTTP from the whole application running with a small heap; prints, for each, the time, the file
# size, the highest heap in use and the highest heap left after a garbage collection. Also written to
# target/benchmarks/export-memory.txt; the JVM's GC log goes to target/benchmarks/export-memory-gc.log.
#
#   bench/export-memory.sh
#
# Settings (environment, all optional):
#   SPRING_DATASOURCE_URL  the PostgreSQL server (default jdbc:postgresql://127.0.0.1:5432/postgres): the test run
#                          creates a fresh database dealreg_test_* on it and drops it at the end (TestDatabase)
#   BENCH_ROWS             accounts of the big export (default 200000); the small one has a tenth
#   BENCH_HEAP             the JVM's maximum heap (default 256m)
#   BENCH_JVM_ARGS         more options for the JVM (a flight recording, say)
set -euo pipefail
cd "$(dirname "$0")/.."

rows="${BENCH_ROWS:-200000}"
heap="${BENCH_HEAP:-256m}"
[[ "$rows" =~ ^[0-9]+$ ]] || { echo "BENCH_ROWS must be a whole number, not: $rows" >&2; exit 2; }
export SPRING_DATASOURCE_URL="${SPRING_DATASOURCE_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}"
export SPRING_DATASOURCE_USERNAME="${SPRING_DATASOURCE_USERNAME:-postgres}"
export SPRING_DATASOURCE_PASSWORD="${SPRING_DATASOURCE_PASSWORD:-${PGPASSWORD:-}}"

out="target/benchmarks/export-memory.txt"
mkdir -p target/benchmarks
rm -f "$out"
# surefire has no argLine of its own: this one is what the forked test JVM starts with
arg_line="-Xmx${heap} -Xlog:gc:file=target/benchmarks/export-memory-gc.log -Dbench.rows=${rows}"
arg_line+=" -Dlogging.level.root=WARN ${BENCH_JVM_ARGS:-}"
log="target/benchmarks/export-memory-maven.log"
set +e
./mvnw -q -o test -Dtest=ExportMemoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false "-DargLine=${arg_line}" \
  > "$log" 2>&1
status=$?
set -e
if [[ $status -ne 0 || ! -s "$out" ]]; then
  echo "benchmark failed (exit ${status}); Maven output in ${log}" >&2
  exit 1
fi
echo "== results (${out}, heap -Xmx${heap})"
cat "$out"
