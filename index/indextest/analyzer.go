package indextest

import (
	"strings"

	"github.com/netra-id/netra/index"
)

// Analyze is the analyser a backend under test must be opened with (for
// example bleve.WithAnalyzer(indextest.Analyze)). It lower-cases, splits into
// words and strips a few Indonesian affixes, just enough for the suite to
// check that query words and indexed words meet on the same stem
// ("mendukung", "dukungan" and "dukungannya" all become "dukung"; "camat"
// and "kecamatan" both "camat") without
// depending on the classifier, whose stemmer evolves on its own schedule.
// The real Indonesian stemmer may be used instead; every assertion of the
// suite also holds for it.
func Analyze(text string) []string {
	words := index.Words(text)
	out := words[:0]
	for _, w := range words {
		if s := toyStem(w); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// toyStem removes one suffix group and one prefix, keeping at least four
// letters so short words are left alone. The confix ke-...-an goes as a
// whole ("kecamatan" → "camat"), as the real stemmer does, so the suite can
// check that an exact word does not find its stem-mates.
func toyStem(w string) string {
	if len(w) >= len("ke")+5+len("an") && strings.HasPrefix(w, "ke") && strings.HasSuffix(w, "an") {
		return w[len("ke") : len(w)-len("an")]
	}
	for _, suf := range []string{"nya", "kan", "an"} {
		if len(w)-len(suf) >= 4 && strings.HasSuffix(w, suf) {
			w = strings.TrimSuffix(w, suf)
			if suf == "nya" {
				continue // "dukungannya": also strip "an"
			}
			break
		}
	}
	for _, pre := range []string{"meng", "mem", "men", "me", "di", "ber", "ter"} {
		if len(w)-len(pre) >= 4 && strings.HasPrefix(w, pre) {
			return strings.TrimPrefix(w, pre)
		}
	}
	return w
}

var _ index.Analyzer = Analyze
