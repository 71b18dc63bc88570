#!/usr/bin/env bash
# The one test command (README "Test it"). Installs and starts what the tests
# need — Debian's chromium for the browser tests, a real Elasticsearch 8 for
# the elastic backend — runs every Go test, and stops what it started.
set -euo pipefail
cd "$(dirname "$0")/.."

need_chromium=1
if command -v chromium >/dev/null 2>&1; then need_chromium=0; fi
if [ "$need_chromium" = 1 ]; then
  echo "test.sh: installing chromium (Debian package) for the browser tests" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
export NETRA_CHROMIUM="$(command -v chromium)"

# A real Elasticsearch for index/elastic (scripts/elasticsearch.sh caches the
# distribution). It is an instance of this run's own, under a unique name, so
# a developer's node or another run's is neither reused nor stopped; only an
# instance this script started is removed again on exit.
NETRA_ES_NAME="test-$(date +%s)-$$"
export NETRA_ES_NAME
if ./scripts/elasticsearch.sh status >/dev/null 2>&1; then
  echo "test.sh: an Elasticsearch instance named $NETRA_ES_NAME already runs; not touching it" >&2
  exit 1
fi
trap './scripts/elasticsearch.sh clean' EXIT
NETRA_ES_URL="$(./scripts/elasticsearch.sh start)"
export NETRA_ES_URL

gofmt_out="$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"
if [ -n "$gofmt_out" ]; then echo "gofmt needed on:"; echo "$gofmt_out"; exit 1; fi
go vet ./...
go test -count=1 -timeout 40m "$@" ./...
# Each third_party/* folder is its own module (it stands in for an upstream
# module through a replace directive in go.mod), so ./... does not reach it.
for m in third_party/*/; do
  (cd "$m" && go vet ./... && go test -count=1 ./...)
done
