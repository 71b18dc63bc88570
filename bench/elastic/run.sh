#!/usr/bin/env bash
# The same records into the embedded bleve store and into Elasticsearch:
# records/s for each and search p50/p95/p99 of one reviewer query.
#
#   bench/elastic/run.sh DATA_DIR [N]
#
# DATA_DIR holds posts.jsonl and news.jsonl (the benchmark corpus); N is the
# number of records (default 100000; the corpus lines are reused with new IDs
# past its ~80k lines). Uses the Elasticsearch at $NETRA_ES_URL, or starts
# one with scripts/elasticsearch.sh (and stops it again) when unset.
set -euo pipefail
data=${1:?usage: bench/elastic/run.sh DATA_DIR [N]}
n=${2:-100000}
cd "$(dirname "$0")/../.."
for f in "$data/posts.jsonl" "$data/news.jsonl"; do
  [ -r "$f" ] || { echo "run.sh: cannot read $f" >&2; exit 1; }
done
if [ -z "${NETRA_ES_URL:-}" ]; then
  NETRA_ES_NAME=bench ./scripts/elasticsearch.sh start >/dev/null
  trap 'NETRA_ES_NAME=bench ./scripts/elasticsearch.sh stop; rm -rf "${work:-}"' EXIT
  NETRA_ES_URL=$(NETRA_ES_NAME=bench ./scripts/elasticsearch.sh url)
fi
echo "machine: $(nproc) cores, Elasticsearch $(curl -s "$NETRA_ES_URL/_nodes/_local?filter_path=nodes.*.version" | grep -o '"version":"[^"]*"' | head -1) with a 512 MB heap at $NETRA_ES_URL"
work=$(mktemp -d)
go build -o "$work/elastic-bench" ./bench/elastic
/usr/bin/time -f "bench process: peak RSS %M KB, wall %e s" "$work/elastic-bench" -n "$n" -es "$NETRA_ES_URL" "$data"
rm -rf "$work"
