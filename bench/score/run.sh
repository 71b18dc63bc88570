#!/usr/bin/env bash
# Throughput and memory of `netra score`, side by side with the cheapest
# thing that could possibly do the first stage: `grep -F -o -i` with the
# classifier's first-stage keyword list.
#
#   bench/score/run.sh DATA_DIR [COPIES]
#
# DATA_DIR holds posts.jsonl and news.jsonl (the benchmark corpus, 64 MB).
# Prints, for one copy: wall time, MB/s, docs/s and peak RSS of netra score
# and of grep, and the ratio of their wall times; checks that two runs give
# byte-identical output; then streams COPIES (default 10) concatenated
# copies through `netra score -` to show that peak RSS does not grow with
# the input. Needs GNU time (/usr/bin/time; Debian package "time").
set -euo pipefail

data=${1:?usage: bench/score/run.sh DATA_DIR [COPIES]}
copies=${2:-10}
cd "$(dirname "$0")/../.."
files=("$data/posts.jsonl" "$data/news.jsonl")
for f in "${files[@]}"; do
  [ -r "$f" ] || { echo "run.sh: cannot read $f" >&2; exit 1; }
done
if [ ! -x /usr/bin/time ]; then
  echo "run.sh: /usr/bin/time missing; install GNU time (apt-get install -y time)" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/netra" ./cmd/netra
netra="$work/netra"
"$netra" rules keywords > "$work/keywords"

bytes=$(cat "${files[@]}" | wc -c)
docs=$(cat "${files[@]}" | wc -l)
workers=${NETRA_WORKERS:-$(nproc)}

# measure NAME CMD... runs CMD under GNU time and prints one line.
measure() {
  local name=$1; shift
  /usr/bin/time -v -o "$work/time.$name" "$@"
  local wall rss cpu
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$work/time.$name")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/time.$name")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.$name")
  echo "$wall" > "$work/wall.$name"
  awk -v n="$name" -v w="$wall" -v r="$rss" -v b="$bytes" -v d="$docs" -v c="$cpu" 'BEGIN {
    printf "%-24s %6.2fs  %6.1f MB/s  %7.0f docs/s  peak RSS %6.1f MB  cpu %6.2fs\n", n, w, b/1e6/w, d/w, r/1024, c }'
}

echo "corpus: ${files[*]} ($(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB, $docs documents); $(nproc) CPUs, --workers $workers"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine may be shared: compare cpu seconds too)"
echo "keywords: $(wc -l < "$work/keywords") from 'netra rules keywords'"
measure "netra score" "$netra" score --workers "$workers" --out "$work/out1.jsonl" "${files[@]}" 2> "$work/summary1"
# grep writes to a file: GNU grep stops at the first match when its output
# is /dev/null, which would measure nothing.
measure "grep -F -o -i" sh -c 'out=$1; kw=$2; shift 2; LC_ALL=C grep -F -o -i -f "$kw" "$@" > "$out"; [ $? -le 1 ]' \
  sh "$work/grep.out" "$work/keywords" "${files[@]}"
echo "  grep: $(wc -l < "$work/grep.out") keyword matches"
awk -v a="$(cat "$work/wall.netra score")" -v b="$(cat "$work/wall.grep -F -o -i")" 'BEGIN {
  printf "wall-time ratio netra score / grep: %.2f\n", a/b }'
sed 's/^/  /' "$work/summary1"

"$netra" score --workers "$workers" --out "$work/out2.jsonl" "${files[@]}" 2>/dev/null
if cmp -s "$work/out1.jsonl" "$work/out2.jsonl"; then
  echo "two runs: byte-identical output ($(wc -l < "$work/out1.jsonl") lines)"
else
  echo "two runs: OUTPUT DIFFERS" >&2
  exit 1
fi

# COPIES concatenated copies through standard input: the memory must stay
# where it was for one copy.
bytes=$((bytes * copies))
docs=$((docs * copies))
measure "netra score ${copies}x (stdin)" sh -c '
  n=$1; shift; netra=$1; shift; workers=$1; shift
  i=0; while [ $i -lt $n ]; do cat "$@"; i=$((i+1)); done | "$netra" score --workers "$workers" --format jsonl - > /dev/null 2> "'"$work"'/summary10"
' sh "$copies" "$netra" "$workers" "${files[@]}"
sed 's/^/  /' "$work/summary10"
