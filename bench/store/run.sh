#!/usr/bin/env bash
# Speed of the embedded store (index/bleve): upsert throughput of news-sized
# records and the latency of a reviewer's query over 100,000 records.
#
#   bench/store/run.sh DATA_DIR [RECORDS]
#
# DATA_DIR holds news.jsonl and posts.jsonl (the benchmark corpus). RECORDS
# (default 100000) is the size of the store the search benchmark builds; the
# corpus is repeated with new IDs to reach it. Both benchmarks use the
# classifier's analyser, as `netra` does. Prints the go test -bench lines
# (records/s, records/cpu-s, MB/s; p50/p95/p99 ms and CPU ms per query) and
# peak RSS when GNU time is installed.
#
# Wall-clock figures depend on what else the machine runs; records/cpu-s
# and cpu_ms/query do not, so compare those across machines.
set -euo pipefail

data=${1:?usage: bench/store/run.sh DATA_DIR [RECORDS]}
records=${2:-100000}
cd "$(dirname "$0")/../.."
for f in "$data/news.jsonl" "$data/posts.jsonl"; do
  [ -r "$f" ] || { echo "run.sh: cannot read $f" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go test -c -o "$work/bleve.test" ./index/bleve

timer=()
if [ -x /usr/bin/time ]; then timer=(/usr/bin/time -f 'peak RSS %M KB, wall %e s'); fi

echo "== upsert: news corpus into a new store, batches of ${NETRA_BENCH_BATCH:-1000}"
NETRA_BENCH_DIR="$data" "${timer[@]}" "$work/bleve.test" -test.run '^$' -test.bench '^BenchmarkUpsert$' -test.benchtime 1x

echo "== search: reviewer queries over $records records"
NETRA_BENCH_DIR="$data" NETRA_BENCH_RECORDS="$records" "${timer[@]}" \
  "$work/bleve.test" -test.run '^$' -test.bench '^BenchmarkSearch$' -test.benchtime 5x -test.v
echo "machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
