#!/usr/bin/env bash
# Netra as a small cluster on one machine: one Elasticsearch, two `netra
# serve` replicas (their schedulers crawl the sources every minute) and two
# `netra crawl --once` workers, over a local site of 4 sources x 50 real
# saved pages (bench/cluster/site). Prints what each part did, checks that
# an account made through the cluster logs in on both replicas, and counts
# the records through the read alias.
#
#   bench/cluster/example.sh
#
# Uses the Elasticsearch at $NETRA_ES_URL, or starts one with
# scripts/elasticsearch.sh (and stops it again) when unset.
set -euo pipefail
cd "$(dirname "$0")/../.."
TMP=$(mktemp -d)
PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	[ -n "${STARTED_ES:-}" ] && NETRA_ES_NAME=cluster-example ./scripts/elasticsearch.sh stop >/dev/null
	rm -rf "$TMP"
}
trap cleanup EXIT
if [ -z "${NETRA_ES_URL:-}" ]; then
	NETRA_ES_URL=$(NETRA_ES_NAME=cluster-example ./scripts/elasticsearch.sh start | tail -1)
	STARTED_ES=1
fi
export NETRA_ES_URL NETRA_ES_INDEX_PREFIX=example-$$
SITE=127.0.0.1:${EXAMPLE_PORT:-8951}
go build -o "$TMP/netra" ./cmd/netra
go build -o "$TMP/site" ./bench/cluster/site
"$TMP/site" -sources 4 -per 50 -addr "$SITE" -sources-file "$TMP/sources.yaml" -schedule "0 * * * * *" &
PIDS+=($!)
for _ in $(seq 100); do curl -sf "http://$SITE/robots.txt" >/dev/null && break; sleep 0.2; done
netra() { "$TMP/netra" "$@"; } # foreground only: "$!" of a function is its subshell

netra index init --shards 1 --replicas 0
echo 's3cret-pass-phrase' | netra --data "$TMP/admin" users add admin --role admin --password-stdin
printf 'sources: %s\nlog_level: info\n' "$TMP/sources.yaml" >"$TMP/netra.yaml"
for port in 8081 8082; do
	"$TMP/netra" --data "$TMP/replica-$port" serve --addr 127.0.0.1:$port --config "$TMP/netra.yaml" 2>"$TMP/serve-$port.log" &
	PIDS+=($!)
done
for w in 1 2; do
	"$TMP/netra" --data "$TMP/worker-$w" crawl --sources "$TMP/sources.yaml" --once --polite=false --allow-addr "$SITE" \
		--user-agent "NetraBot-w$w/1.0" >"$TMP/worker-$w.out" 2>&1 &
	PIDS+=($!)
	WORKERS+=($!)
done
for p in "${WORKERS[@]}"; do wait "$p"; done
for w in 1 2; do echo "--- worker $w:"; cat "$TMP/worker-$w.out"; done
curl -sf "http://$SITE/_stats" | sed 's/^/--- site: article pages /'
sleep 65 # one scheduled tick of the replicas: one of them runs each source, nothing new
for port in 8081 8082; do
	echo "--- replica $port: $(curl -sf -u admin:s3cret-pass-phrase "http://127.0.0.1:$port/api/v1/items?limit=1" | grep -o '"total":[0-9]*') (login as admin works)"
	echo "    scheduled runs done here: $(grep -c 'crawl finished' "$TMP/serve-$port.log" || true), left to another process: $(grep -c 'crawl left to another process' "$TMP/serve-$port.log" || true)"
done
curl -sf -X POST "$NETRA_ES_URL/$NETRA_ES_INDEX_PREFIX-records/_refresh" >/dev/null
echo "--- records through the read alias: $(curl -sf "$NETRA_ES_URL/$NETRA_ES_INDEX_PREFIX-records/_count" | grep -o '"count":[0-9]*')"
curl -sf -X DELETE "$NETRA_ES_URL/$NETRA_ES_INDEX_PREFIX-*" >/dev/null || true
