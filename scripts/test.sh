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

# A real Elasticsearch for index/elastic (scripts/elasticsearch.sh caches it).
./scripts/elasticsearch.sh start
trap './scripts/elasticsearch.sh stop' EXIT
NETRA_ES_URL="$(./scripts/elasticsearch.sh url)"
export NETRA_ES_URL

gofmt_out="$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))"
if [ -n "$gofmt_out" ]; then echo "gofmt needed on:"; echo "$gofmt_out"; exit 1; fi
go vet ./...
go test -count=1 -timeout 40m "$@" ./...
