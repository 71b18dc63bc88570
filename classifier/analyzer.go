package classifier

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/netra-id/netra/rules"
)

// Analyzer is the text analysis of the built-in pack without its rules:
// the same terms as Classifier.Analyze, for commands that only search or
// read a store. Building a Classifier parses every gazetteer and rule of
// the pack and compiles its rules and keyword automaton (12 MB allocated
// and 27–53 ms with the December 2026 pack, BenchmarkDefaultClassifier), which
// `netra search` would pay only to analyse its query words and check the
// store's analyser fingerprint.
//
// Analysis needs two things from the pack: the colloquial lexicon, for
// every word, read up front; and the gazetteer words that split an
// all-lower-case hashtag such as #netralasn, needed only when a text has a
// one-part hashtag: those are collected on first use from the pack's
// gazetteers alone, as New collects them. An Analyzer is safe for
// concurrent use.
type Analyzer struct {
	norm *normalizer
}

// DefaultAnalyzer returns the analyser of the built-in pack: Analyze gives
// what Default().Analyze gives, for every text.
func DefaultAnalyzer(opts ...Option) (*Analyzer, error) {
	cfg := config{}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.stem == nil {
		cfg.stem = newDefaultStem()
	}
	lex, err := rules.DefaultLexicon()
	if err != nil {
		return nil, fmt.Errorf("built-in rule pack: %w", err)
	}
	vocab := sync.OnceValue(func() map[string]bool {
		gs, err := rules.DefaultGazetteers()
		if err != nil {
			// The pack is compiled into the binary and its tests load
			// it: failing here is a broken build, and going on without
			// the words would index hashtags differently.
			panic(fmt.Sprintf("classifier: built-in rule pack for hashtag words: %v", err))
		}
		return gazetteerVocab(lex, cfg.stem, gs)
	})
	return &Analyzer{norm: &normalizer{lexicon: lex, stem: cfg.stem, loadVocab: vocab}}, nil
}

// gazetteerVocab collects the hashtag words of gazetteers gs as New does:
// gazetteers by name, terms in order, each normalised with the words
// collected so far.
func gazetteerVocab(lex map[string][]string, stem func(string) string, gs map[string]*rules.Gazetteer) map[string]bool {
	n := &normalizer{lexicon: lex, stem: stem, vocab: map[string]bool{}}
	for _, name := range slices.Sorted(maps.Keys(gs)) {
		for _, t := range gs[name].Terms {
			n.addVocab(t)
		}
	}
	return n.vocab
}

// addVocab adds the words of a gazetteer term that can split a one-part
// hashtag (see appendHashtag) to n.vocab.
func (n *normalizer) addVocab(term string) {
	for _, w := range n.termTokens(strings.TrimPrefix(term, "=")) {
		if len(w.Norm) >= 3 && isWordish(w.Norm) {
			n.vocab[w.Norm] = true
		}
	}
}

// Analyze returns the normalised, stemmed terms of text, in order, as
// Classifier.Analyze does.
func (a *Analyzer) Analyze(text string) []string { return a.norm.analyze(text) }

// analyze is Analyze for both Classifier and Analyzer: one body, so the
// two cannot drift apart.
func (n *normalizer) analyze(text string) []string {
	ts := n.plainTokens(text)
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		if t.Stem != "" {
			out = append(out, t.Stem)
		}
	}
	return out
}
