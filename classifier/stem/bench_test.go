package stem

import "testing"

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
