#!/usr/bin/env bash
# Cluster crawl benchmark: 1, 2 and 3 `netra crawl --once --es` workers
# (separate processes and data directories, one Elasticsearch) over a local
# site of SOURCES x PER real saved news pages (bench/cluster/site). For each
# worker count: pages/s (all article pages over the wall time from the
# first worker's start to the last one's exit), the peak RSS of the largest
# worker (GNU time -v), and a check from the site's access log that every
# page was fetched exactly once.
#
#   bench/cluster/run.sh [SOURCES] [PER]
#
# Uses the Elasticsearch at $NETRA_ES_URL, or starts one with
# scripts/elasticsearch.sh (and stops it again) when unset.
# Needs: go, curl, /usr/bin/time (apt-get install -y time).
set -euo pipefail
cd "$(dirname "$0")/../.."
SOURCES=${1:-6}
PER=${2:-200}
ADDR=127.0.0.1:${BENCH_PORT:-8941}
[ -x /usr/bin/time ] || { echo "need /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
TMP=$(mktemp -d)
cleanup() {
	[ -n "${SITE:-}" ] && kill "$SITE" 2>/dev/null
	[ -n "${STARTED_ES:-}" ] && NETRA_ES_NAME=bench-cluster ./scripts/elasticsearch.sh stop >/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
if [ -z "${NETRA_ES_URL:-}" ]; then
	NETRA_ES_URL=$(NETRA_ES_NAME=bench-cluster ./scripts/elasticsearch.sh start | tail -1)
	STARTED_ES=1
fi
go build -o "$TMP/netra" ./cmd/netra
go build -o "$TMP/site" ./bench/cluster/site
"$TMP/site" -sources "$SOURCES" -per "$PER" -addr "$ADDR" -sources-file "$TMP/sources.yaml" 2>"$TMP/site.log" &
SITE=$!
for _ in $(seq 50); do curl -sf "http://$ADDR/robots.txt" >/dev/null && break; sleep 0.2; done
PAGES=$((SOURCES * PER))
echo "site: $SOURCES sources x $PER pages = $PAGES article pages at http://$ADDR; $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); Elasticsearch at $NETRA_ES_URL"

for n in 1 2 3; do
	prefix="bench-cluster-$n-$$"
	curl -sf "http://$ADDR/_reset" >/dev/null
	start=$(date +%s.%N)
	pids=()
	for i in $(seq "$n"); do
		/usr/bin/time -v -o "$TMP/time-$n-$i" "$TMP/netra" --es "$NETRA_ES_URL" --es-index-prefix "$prefix" --data "$TMP/data-$n-$i" \
			crawl --sources "$TMP/sources.yaml" --once --polite=false --allow-addr "$ADDR" --workers 8 --host-parallelism 8 \
			>"$TMP/out-$n-$i" 2>&1 &
		pids+=($!)
	done
	for p in "${pids[@]}"; do wait "$p" || { echo "a worker failed:"; cat "$TMP"/out-"$n"-*; exit 1; }; done
	end=$(date +%s.%N)
	stats=$(curl -sf "http://$ADDR/_stats")
	peak=$(cat "$TMP"/time-"$n"-* | awk -F': ' '/Maximum resident set size/ {if ($2 > m) m = $2} END {printf "%.0f", m/1024}')
	cpu=$(cat "$TMP"/time-"$n"-* | awk -F': ' '/(User|System) time \(seconds\)/ {c += $2} END {printf "%.1f", c}')
	stored=$(curl -sf -X POST "$NETRA_ES_URL/$prefix-records/_refresh" >/dev/null && curl -sf "$NETRA_ES_URL/$prefix-records/_count" | grep -o '"count":[0-9]*' | cut -d: -f2)
	awk -v n="$n" -v p="$PAGES" -v s="$start" -v e="$end" -v st="$stats" -v r="$peak" -v c="$stored" -v cpu="$cpu" \
		'BEGIN {printf "%d worker(s): %d pages in %.1f s = %.0f pages/s; workers CPU %.1f ms/page; peak RSS per worker %d MB; site: %s; records stored %s\n", n, p, e-s, p/(e-s), cpu*1000/p, r, st, c}'
	curl -sf -X DELETE "$NETRA_ES_URL/$prefix-*" >/dev/null || true
	curl -sf -X DELETE "$NETRA_ES_URL/_index_template/$prefix-*" >/dev/null || true
done
