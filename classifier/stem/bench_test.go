package stem

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"unicode"
)

func benchStem(b *testing.B, stem func(string) string) {
	voc, _ := snowball(b)
	size := 0
	for _, w := range voc {
		size += len(w)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, w := range voc {
			stem(w)
		}
	}
	b.ReportMetric(float64(b.N)*float64(len(voc))/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkStem stems the whole Snowball vocabulary (64,586 distinct
// words) per iteration with the package-level Stem.
func BenchmarkStem(b *testing.B) { benchStem(b, Stem) }

// BenchmarkStemRulesOnly measures the rules without the lexicon.
func BenchmarkStemRulesOnly(b *testing.B) { benchStem(b, New(WithoutBuiltinRoots()).Stem) }

// BenchmarkStemCached measures a warm cache that holds the whole
// vocabulary; real text repeats words, so this is the best case.
func BenchmarkStemCached(b *testing.B) { benchStem(b, New(WithCache(1<<17)).Stem) }

// BenchmarkStemText stems the words of real posts (a JSONL file with a
// "text" field per line, e.g. bench/posts.jsonl of the shared data set) in
// reading order, as a classifier would, with and without the cache. Set
// NETRA_BENCH_POSTS to the file; the benchmark is skipped otherwise.
func BenchmarkStemText(b *testing.B) {
	path := os.Getenv("NETRA_BENCH_POSTS")
	if path == "" {
		b.Skip("NETRA_BENCH_POSTS not set")
	}
	words := textWords(b, path, 2_000_000)
	size := 0
	for _, w := range words {
		size += len(w)
	}
	for _, bc := range []struct {
		name string
		s    *Stemmer
	}{{"uncached", New()}, {"cached", New(WithCache(1 << 14))}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				for _, w := range words {
					bc.s.Stem(w)
				}
			}
			b.ReportMetric(float64(b.N)*float64(len(words))/b.Elapsed().Seconds(), "words/s")
		})
	}
}

// textWords reads up to max lower-cased letter runs from the "text" fields
// of a JSONL file.
func textWords(b *testing.B, path string, max int) []string {
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() && len(words) < max {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatalf("%s: %v", path, err)
		}
		words = append(words, strings.FieldsFunc(strings.ToLower(rec.Text), func(r rune) bool {
			return !unicode.IsLetter(r)
		})...)
	}
	if err := sc.Err(); err != nil {
		b.Fatalf("%s: %v", path, err)
	}
	return words
}
