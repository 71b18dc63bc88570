package classifier

import "github.com/netra-id/netra/classifier/stem"

// stemCacheSize bounds the stem memo: running text repeats a few thousand
// words, so a modest cache saves most of the stemming work.
const stemCacheSize = 1 << 16

// newDefaultStem returns the stemmer used unless WithStemmer says
// otherwise: classifier/stem with its root lexicon and a bounded cache.
func newDefaultStem() func(string) string {
	return stem.New(stem.WithCache(stemCacheSize)).Stem
}
