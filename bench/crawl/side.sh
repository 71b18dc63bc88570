#!/usr/bin/env bash
# Side-by-side crawl benchmark: ONE local site of PAGES real saved article
# pages (bench/crawl/site, as in store.sh), served once, crawled first by
# `netra crawl --once` (crawler -> pipeline -> embedded store, politeness
# off, data directory on disk) and then by Scrapy + Python trafilatura
# (bench/crawl/scrapy_trafilatura.py: the same sitemap, the same
# concurrency, trafilatura.extract at its defaults, items to a JSONL feed),
# each under /usr/bin/time -v. Prints pages/s, CPU ms per page and peak RSS
# of both, Netra's speed as a multiple of Scrapy's, and the load average.
#
#   bench/crawl/side.sh PAGES_DIRS NEWS_JSONL [PAGES] [CONCURRENCY]
#
# PAGES_DIRS, NEWS_JSONL, BENCH_MATCH, NETRA_BIN, NETRA_BENCH_DATA: as in
# store.sh. SCRAPY_PYTHON=path picks the Python that has scrapy and
# trafilatura (default python3). BENCH_METADATA=1 makes trafilatura extract
# the metadata too. BENCH_VERBOSE=1 shows both tools' own summaries.
#
# Needs: go, /usr/bin/time (apt-get install -y time), and
#   pip install scrapy trafilatura lxml_html_clean
# (in a venv if the system Python is externally managed:
#   python3 -m venv DIR && DIR/bin/pip install scrapy trafilatura lxml_html_clean
#   SCRAPY_PYTHON=DIR/bin/python3 bench/crawl/side.sh ...)
set -euo pipefail
cd "$(dirname "$0")/../.."
DIRS=${1:?saved pages folders}
NEWS=${2:?news JSONL}
PAGES=${3:-2000}
CONC=${4:-8}
PY=${SCRAPY_PYTHON:-python3}
ADDR=127.0.0.1:${BENCH_PORT:-8964}
if [ ! -x /usr/bin/time ]; then echo "need /usr/bin/time (apt-get install -y time)" >&2; exit 2; fi
"$PY" -c 'import scrapy, trafilatura' 2>/dev/null || {
	echo "need scrapy and trafilatura for $PY: pip install scrapy trafilatura lxml_html_clean (see the head of $0)" >&2
	exit 2
}
. bench/crawl/site.sh
echo "site: $PAGES article pages at http://$ADDR, concurrency $CONC, $(nproc) CPUs, data dir on $(stat -f -c %T "$DATA")"

# measure NAME TIMELOG prints one line and leaves "pages/s rss" in $TMP/NAME.m.
measure() {
	awk -F': ' -v name="$1" -v pages="$PAGES" -v out="$TMP/$1.m" '
		/Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3 ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2]) }
		/User time/ { user = $2 } /System time/ { sys = $2 }
		/Maximum resident set size/ { rss = $2 / 1024 }
		END { printf "%-20s %d pages in %6.2fs: %6.1f pages/s, CPU %5.1f ms/page (user %.1fs sys %.1fs), peak RSS %4.0f MB\n",
			name, pages, wall, pages / wall, (user + sys) * 1000 / pages, user, sys, rss
			printf "%f %f\n", pages / wall, rss > out }' "$2"
}

printf 'sources:\n  - name: bench\n    kind: sitemap\n    urls: [http://%s/sitemap.xml]\n    max_items: 100000\n' "$ADDR" >"$TMP/src.yaml"
LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
/usr/bin/time -v "$BIN" --data "$DATA" crawl --sources "$TMP/src.yaml" --once --polite=false \
	--allow-addr "$ADDR" --workers "$CONC" >"$TMP/netra.log" 2>"$TMP/netra.time" || { tail -20 "$TMP/netra.log" "$TMP/netra.time"; exit 1; }
LOAD1=$(cut -d' ' -f1-3 /proc/loadavg)
/usr/bin/time -v "$PY" -m scrapy runspider bench/crawl/scrapy_trafilatura.py -a sitemap="http://$ADDR/sitemap.xml" \
	-s CONCURRENT_REQUESTS="$CONC" -s CONCURRENT_REQUESTS_PER_DOMAIN="$CONC" -s ROBOTSTXT_OBEY=False \
	-s DOWNLOAD_DELAY=0 -s AUTOTHROTTLE_ENABLED=False -s LOG_LEVEL=WARNING -s TELNETCONSOLE_ENABLED=False \
	-o "$TMP/scrapy.jsonl" >"$TMP/scrapy.log" 2>"$TMP/scrapy.time" || { tail -20 "$TMP/scrapy.log" "$TMP/scrapy.time"; exit 1; }
LOAD2=$(cut -d' ' -f1-3 /proc/loadavg)
measure netra "$TMP/netra.time"
measure scrapy+trafilatura "$TMP/scrapy.time"
echo "netra: $(grep -h -o -E 'fetched [0-9]+, new [0-9]+' "$TMP/netra.log" "$TMP/netra.time" | head -1), $(grep -h -o -E 'stored [0-9]+' "$TMP/netra.log" "$TMP/netra.time" | head -1); $(grep -h "^scrapy:" "$TMP/scrapy.log" | cut -d, -f1-3), $(wc -l <"$TMP/scrapy.jsonl") lines in its feed"
read -r NPS NRSS <"$TMP/netra.m"
read -r SPS SRSS <"$TMP/scrapy+trafilatura.m"
awk -v n="$NPS" -v s="$SPS" -v l0="$LOAD0" -v l1="$LOAD1" -v l2="$LOAD2" \
	'BEGIN { printf "netra / scrapy+trafilatura: %.2fx pages/s; load average %s (start) -> %s (netra done) -> %s (scrapy done)\n", n / s, l0, l1, l2 }'
if [ -n "${BENCH_VERBOSE:-}" ]; then cat "$TMP/netra.log" "$TMP/scrapy.log"; fi
[ -z "${NETRA_BENCH_DATA:-}" ] && rm -rf "$DATA"
exit 0
