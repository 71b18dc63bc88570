# Sourced by store.sh and side.sh: builds netra (unless NETRA_BIN is set)
# and the bench site, serves PAGES pages of DIRS with NEWS at ADDR, and
# sets TMP (removed on exit with the site stopped), BIN, SITE and DATA
# (NETRA_BENCH_DATA or a fresh mktemp -d, which must be on disk).
#
#   . bench/crawl/site.sh   # after setting DIRS NEWS PAGES ADDR
TMP=$(mktemp -d)
SITE=
trap '[ -n "$SITE" ] && kill $SITE 2>/dev/null; rm -rf "$TMP"' EXIT
BIN=${NETRA_BIN:-}
if [ -z "$BIN" ]; then go build -o "$TMP/netra" ./cmd/netra; BIN=$TMP/netra; fi
go build -o "$TMP/site" ./bench/crawl/site
"$TMP/site" -news "$NEWS" -html "$DIRS" -html-match "${BENCH_MATCH:-}" -pages "$PAGES" -addr "$ADDR" 2>"$TMP/site.log" &
SITE=$!
for _ in $(seq 100); do curl -sf "http://$ADDR/robots.txt" >/dev/null && break; sleep 0.2; done
grep -h 'saved pages' "$TMP/site.log" || true
DATA=${NETRA_BENCH_DATA:-$(mktemp -d)}
if [ "$(stat -f -c %T "$DATA")" = tmpfs ]; then echo "warning: $DATA is on tmpfs" >&2; fi
