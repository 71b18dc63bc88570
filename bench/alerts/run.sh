#!/usr/bin/env bash
# Alert latency and matching throughput, on the embedded store and on
# Elasticsearch:
#   - latency: `netra score --index` of one batch (a real process each run)
#     to the webhook receiver on 127.0.0.1 holding the signed alert, p50/p95;
#   - throughput: one stored batch of 256 records matched against 1,000
#     saved searches (go test -bench in alert/).
#
#   bench/alerts/run.sh [RUNS]
#
# Uses the Elasticsearch at $NETRA_ES_URL, or starts one with
# scripts/elasticsearch.sh (and stops it again) when unset.
set -euo pipefail
runs=${1:-20}
cd "$(dirname "$0")/../.."
if [ -z "${NETRA_ES_URL:-}" ]; then
  NETRA_ES_NAME=bench-alerts ./scripts/elasticsearch.sh start >/dev/null
  trap 'NETRA_ES_NAME=bench-alerts ./scripts/elasticsearch.sh stop; rm -rf "${work:-}"' EXIT
  NETRA_ES_URL=$(NETRA_ES_NAME=bench-alerts ./scripts/elasticsearch.sh url)
fi
export NETRA_ES_URL
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
work=$(mktemp -d)
go build -o "$work/netra" ./cmd/netra
go run ./bench/alerts -netra "$work/netra" -runs "$runs"
go run ./bench/alerts -netra "$work/netra" -runs "$runs" -es "$NETRA_ES_URL"
go test ./alert/ -run '^$' -bench Match1000Searches -benchtime 10x
rm -rf "$work"
