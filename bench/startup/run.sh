#!/usr/bin/env bash
# Start-up cost of netra: package initialisation (GODEBUG=inittrace=1, the
# sum of every package's init clock time and allocations), wall time and
# peak RSS (GNU time -v) of `netra --help` and of `netra search` on an
# empty data directory, RUNS times each. NETRA_BIN=path measures a
# prebuilt binary instead of building this tree.
#
# Peak RSS counts the binary's file pages the process touched, and how many
# pages one touch maps depends on how the binary got into the page cache:
# a binary just written by the linker is mapped in large chunks (about
# 5 MB more RSS for the same work), one read back from disk in small ones.
# So every command is measured twice: "as linked" (the page cache the
# build left), then "re-read" (the binary's cached pages dropped first, as
# after a reboot or for a copied binary).
#
#   bench/startup/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
BIN=${NETRA_BIN:-}
if [ -z "$BIN" ]; then go build -o "$TMP/netra" ./cmd/netra; BIN=$TMP/netra; fi
mkdir "$TMP/data"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
measure() {
	for cmd in "--help" "--data $TMP/data search pns"; do
		for _ in $(seq "$RUNS"); do
			init=$(GODEBUG=inittrace=1 $BIN $cmd 2>&1 >/dev/null | awk '/^init /{ms += $5; b += $8} END {printf "init %.1f ms, %.1f MB allocated", ms, b / 1e6}')
			/usr/bin/time -v $BIN $cmd >/dev/null 2>"$TMP/time" || true
			awk -F': ' -v cmd="$cmd" -v init="$init" -v state="$1" '
				/Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = t[n] + (n > 1 ? t[n-1] * 60 : 0) }
				/Maximum resident set size/ { rss = $2 / 1024 }
				END { sub(/--data [^ ]+ /, "", cmd); printf "%-9s netra %-12s %s; wall %.0f ms; peak RSS %.1f MB\n", state, cmd, init, wall * 1000, rss }' "$TMP/time"
		done
	done
}
measure "as linked"
# Write the binary back and drop its cached pages (GNU dd: iflag=nocache
# with count=0 drops the whole file), so the runs below read it from disk.
sync "$BIN"
dd if="$BIN" iflag=nocache count=0 status=none
measure "re-read"
