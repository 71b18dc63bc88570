package classifier

import (
	"fmt"
	"sync"

	"github.com/netra-id/netra/rules"
)

// Analyzer is the text analysis of the built-in pack without its rules:
// the same terms as Classifier.Analyze, for commands that only search or
// read a store. Building a Classifier parses every gazetteer and rule of
// the pack and compiles the keyword automaton, a few megabytes of memory
// and milliseconds that `netra search` would pay only to analyse its query
// words and check the store's analyser fingerprint.
//
// Analysis needs two things from the pack: the colloquial lexicon, for
// every word, read up front; and the gazetteer words that split an
// all-lower-case hashtag such as #netralasn, needed only when a text has a
// one-part hashtag. Those are taken from a full Classifier built on first
// use, so they are the classifier's by construction. An Analyzer is safe
// for concurrent use.
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
		c, err := Default(opts...)
		if err != nil {
			// The pack is compiled into the binary and its tests load
			// it: failing here is a broken build, and going on without
			// the words would index hashtags differently.
			panic(fmt.Sprintf("classifier: built-in rule pack for hashtag words: %v", err))
		}
		return c.norm.vocab
	})
	return &Analyzer{norm: &normalizer{lexicon: lex, stem: cfg.stem, loadVocab: vocab}}, nil
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
