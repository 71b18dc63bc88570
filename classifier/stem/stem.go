// Package stem reduces Indonesian words to their stems so that the
// classifier can match a rule's "dukung" in "mendukung", "didukung" and
// "dukungannya".
//
// Stemming is done by rules, in the Porter style of Tala (2003) as refined by
// the Snowball project: particles (-lah, -kah, -pun), possessives (-ku, -mu,
// -nya), the prefixes di-, ke-, ter-, meN- and peN- with their allomorphs,
// then per-, pe-, ber- and be-, and the suffixes -kan, -an and -i, each under
// a vowel-count floor and the prefix–suffix restrictions of Indonesian
// morphology. No root-word dictionary is used for that, so the results agree
// with the Snowball Indonesian stemmer on its reference vocabulary.
//
// Rules cannot tell which consonant a nasal prefix swallowed (menulis is
// meN- + tulis, menanti is me- + nanti) nor whether a word only looks affixed
// (kepala, partai). A small hand-written lexicon of roots from Netra's domain
// settles those cases, in the Nazief–Adriani manner: when some reading of the
// word's affixes leaves a known root, the longest such root wins. Callers can
// add their own roots with WithRoots, e.g. from a rule pack.
package stem

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed roots.txt
var builtinRootsText string

// builtin is the Stemmer behind Stem; it is built once and never changed.
var builtin = sync.OnceValue(func() *Stemmer { return New() })

// Stem returns the stem of one lower-case Indonesian word, using the
// built-in root lexicon and no cache. It is safe for concurrent use. A word
// that is not valid UTF-8 is stemmed with its invalid bytes removed.
func Stem(word string) string {
	return builtin().Stem(word)
}

// BuiltinRoots returns the words of the built-in root lexicon, so that
// callers can see (and test) which words are protected from the rules.
func BuiltinRoots() []string {
	lx := newLexicon()
	lx.addText(builtinRootsText)
	out := make([]string, 0, len(lx.roots))
	for w := range lx.roots {
		out = append(out, w)
	}
	return out
}

// Stemmer stems words with a configurable root lexicon and an optional
// bounded memo cache. The zero value is not usable; call New. A Stemmer is
// safe for concurrent use.
type Stemmer struct {
	lex   *lexicon // nil when there are no roots at all
	cache *memo    // nil when caching is off
}

type config struct {
	noBuiltin bool
	roots     []string
	cacheSize int
}

// Option configures a Stemmer.
type Option func(*config)

// WithRoots adds known roots (lower-case ASCII letters, 3 to 48 bytes;
// others are ignored) to the lexicon, e.g. the terms of a rule pack, so that
// their derived forms reach them even where the rules alone would not.
func WithRoots(words ...string) Option {
	return func(c *config) { c.roots = append(c.roots, words...) }
}

// WithoutBuiltinRoots leaves out the built-in lexicon. With no roots added
// either, the Stemmer applies the rules alone and agrees with the Snowball
// Indonesian stemmer.
func WithoutBuiltinRoots() Option {
	return func(c *config) { c.noBuiltin = true }
}

// WithCache remembers up to about size stems. It pays off on running text,
// where a few thousand words make up most tokens (BenchmarkStemText), and
// costs on lists of distinct words; size <= 0 turns it off. Keys are copied,
// so a cached word never pins the text it was sliced from.
func WithCache(size int) Option {
	return func(c *config) { c.cacheSize = size }
}

// New returns a Stemmer with the built-in root lexicon, modified by opts.
func New(opts ...Option) *Stemmer {
	var c config
	for _, o := range opts {
		o(&c)
	}
	lx := newLexicon()
	if !c.noBuiltin {
		lx.addText(builtinRootsText)
	}
	for _, w := range c.roots {
		lx.add(strings.ToLower(strings.TrimSpace(w)))
	}
	s := &Stemmer{}
	if len(lx.roots) > 0 {
		s.lex = lx
	}
	if c.cacheSize > 0 {
		s.cache = newMemo(c.cacheSize)
	}
	return s
}

// Stem returns the stem of one lower-case Indonesian word. The result is
// never longer than word and is valid UTF-8.
func (s *Stemmer) Stem(word string) string {
	if s.cache == nil {
		return s.stem(word)
	}
	if r, ok := s.cache.get(word); ok {
		return r
	}
	// Keep neither the caller's backing array (word may be a slice of a
	// large text) nor a second copy: the stem shares the key's bytes.
	key := strings.Clone(word)
	r := s.stem(key)
	s.cache.put(key, r)
	return r
}

func (s *Stemmer) stem(word string) string {
	if !utf8.ValidString(word) {
		word = strings.ToValidUTF8(word, "")
	}
	if strings.IndexByte(word, '-') >= 0 {
		if r, ok := s.hyphenated(word); ok {
			return r
		}
	}
	return s.stemWord(word)
}

// hyphenated stems the hyphenated forms Indonesian writes as one word:
// clitics (kuasa-mu, allah-lah), prefixes on loans (di-share) and
// reduplication, whole or with affixes
// (buku-buku, berbalas-balasan, meniru-nirukan). It reports false for
// anything else, which is then stemmed as a whole.
func (s *Stemmer) hyphenated(word string) (string, bool) {
	i := strings.LastIndexByte(word, '-')
	if i <= 0 || i == len(word)-1 {
		return "", false
	}
	a, b := word[:i], word[i+1:]
	switch b {
	case "lah", "kah", "tah", "pun", "ku", "mu", "nya":
		return s.stem(a), true
	}
	if strings.IndexByte(a, '-') >= 0 {
		return "", false
	}
	switch a {
	case "di", "ke", "se", "ter", "ber", "me", "pe", "per", "nge", "ku", "kau":
		// A prefix hyphenated onto a loan, as posts write it: di-share,
		// me-retweet, nge-like.
		return s.stemWord(b), true
	}
	sa, sb := s.stemWord(a), s.stemWord(b)
	// The second copy may keep a nasal the first one lost (meniru-nirukan,
	// menyepak-nyepak), so compare all but the first letter.
	if sa == sb || (len(sa) > 3 && strings.HasSuffix(sb, sa[1:])) {
		return sa, true
	}
	return "", false
}

// stemWord stems one word without hyphens.
func (s *Stemmer) stemWord(word string) string {
	if s.lex != nil {
		if r := s.lex.lookup(word); r != "" {
			return r
		}
	}
	return ruleStem(word)
}
