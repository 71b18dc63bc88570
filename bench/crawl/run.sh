#!/usr/bin/env bash
# Crawl benchmark: a local news site of PAGES article pages (real Indonesian
# news texts) crawled with politeness off by the Netra crawler and by Scrapy
# at the same concurrency. Prints pages/s and peak RSS (GNU time -v) of both.
#
#   NETRA_BENCH_NEWS=/path/to/news.jsonl bench/crawl/run.sh [PAGES] [CONCURRENCY]
#
# Needs: go, python3 with scrapy (pip install scrapy), /usr/bin/time
# (apt-get install -y time).
set -euo pipefail
cd "$(dirname "$0")/../.."
PAGES=${1:-2000}
CONC=${2:-8}
NEWS=${NETRA_BENCH_NEWS:-../shared/data/bench/news.jsonl}
ADDR=127.0.0.1:${BENCH_PORT:-8931}
if [ ! -f "$NEWS" ]; then echo "no news JSONL at $NEWS (set NETRA_BENCH_NEWS)" >&2; exit 2; fi
if [ ! -x /usr/bin/time ]; then echo "need /usr/bin/time (apt-get install -y time)" >&2; exit 2; fi
python3 -c 'import scrapy' 2>/dev/null || { echo "need scrapy (pip install scrapy)" >&2; exit 2; }

TMP=$(mktemp -d)
go build -o "$TMP/site" ./bench/crawl/site
go build -o "$TMP/crawlbench" ./bench/crawl/crawlbench
"$TMP/site" -news "$NEWS" -pages "$PAGES" -addr "$ADDR" 2>"$TMP/site.log" &
SITE=$!
trap 'kill $SITE 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 50); do curl -sf "http://$ADDR/robots.txt" >/dev/null && break; sleep 0.2; done

echo "site: $PAGES article pages + $(( (PAGES + 49) / 50 )) listing pages at http://$ADDR, concurrency $CONC, $(nproc) CPUs"
peak() { awk -F': ' '/Maximum resident set size/ {printf "%.1f MB", $2/1024}' "$1"; }

/usr/bin/time -v "$TMP/crawlbench" -url "http://$ADDR/indeks/0" -concurrency "$CONC" 2>"$TMP/netra.time"
echo "netra peak RSS: $(peak "$TMP/netra.time")"

/usr/bin/time -v python3 -m scrapy runspider bench/crawl/scrapy_spider.py -a start="http://$ADDR/indeks/0" \
	-s CONCURRENT_REQUESTS="$CONC" -s CONCURRENT_REQUESTS_PER_DOMAIN="$CONC" -s ROBOTSTXT_OBEY=False \
	-s DOWNLOAD_DELAY=0 -s AUTOTHROTTLE_ENABLED=False -s LOG_LEVEL=WARNING -s TELNETCONSOLE_ENABLED=False \
	-o "$TMP/scrapy.jsonl" 2>"$TMP/scrapy.time" | grep '^scrapy:' || { tail -20 "$TMP/scrapy.time"; exit 1; }
echo "scrapy items written: $(wc -l <"$TMP/scrapy.jsonl")"
echo "scrapy peak RSS: $(peak "$TMP/scrapy.time")"
