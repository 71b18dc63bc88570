#!/usr/bin/env bash
# Whole-command crawl benchmark: `netra crawl --once` of a local site of
# PAGES real saved article pages (each with a news text added, so each is a
# new article), crawler -> pipeline -> embedded store, politeness off, data
# directory on disk (not tmpfs). Prints pages/s, CPU ms per page, peak RSS
# and the load average before and after the run.
#
#   bench/crawl/store.sh PAGES_DIRS NEWS_JSONL [PAGES] [WORKERS]
#
# PAGES_DIRS: comma-separated folders of saved pages (*.html, *.html.gz), e.g.
# trafilatura's evaluation set (html/) and crawler/extract/testdata/anpandu.
# BENCH_MATCH=singlepage keeps only saved pages whose file name has it.
# NETRA_BIN=path uses a prebuilt netra instead of building this tree (to
# compare two builds in alternating runs). NETRA_BENCH_DATA=dir puts the
# data directory there (default: a fresh mktemp -d under $TMPDIR, which
# must be on disk).
set -euo pipefail
cd "$(dirname "$0")/../.."
DIRS=${1:?saved pages folders}
NEWS=${2:?news JSONL}
PAGES=${3:-2000}
WORKERS=${4:-8}
ADDR=127.0.0.1:${BENCH_PORT:-8963}
if [ ! -x /usr/bin/time ]; then echo "need /usr/bin/time (apt-get install -y time)" >&2; exit 2; fi
. bench/crawl/site.sh
printf 'sources:\n  - name: bench\n    kind: sitemap\n    urls: [http://%s/sitemap.xml]\n    max_items: 100000\n' "$ADDR" >"$TMP/src.yaml"
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
/usr/bin/time -v "$BIN" --data "$DATA" crawl --sources "$TMP/src.yaml" --once --polite=false \
	--allow-addr "$ADDR" --workers "$WORKERS" >"$TMP/out.log" 2>"$TMP/time.log" || { tail -20 "$TMP/out.log" "$TMP/time.log"; exit 1; }
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)
STORED=$(grep -h -o -E 'stored [0-9]+' "$TMP/out.log" "$TMP/time.log" | head -1 || true)
awk -F': ' -v pages="$PAGES" -v load0="$LOAD0" -v load1="$LOAD1" -v stored="$STORED" '
	/Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3 ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2]) }
	/User time/ { user = $2 } /System time/ { sys = $2 }
	/Maximum resident set size/ { rss = $2 / 1024 }
	END { printf "%d pages in %.2fs: %.1f pages/s, CPU %.1f ms/page (user %.1fs sys %.1fs), peak RSS %.0f MB, load %s -> %s, %s\n",
		pages, wall, pages / wall, (user + sys) * 1000 / pages, user, sys, rss, load0, load1, stored }' "$TMP/time.log"
if [ -n "${BENCH_VERBOSE:-}" ]; then cat "$TMP/out.log"; grep -v '^\s' "$TMP/time.log" | tail -5; fi
[ -z "${NETRA_BENCH_DATA:-}" ] && rm -rf "$DATA"
exit 0
