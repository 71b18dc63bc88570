package index

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits that keep a hostile or careless query from costing more than a
// reviewer's query should.
const (
	MaxQueryBytes   = 4096 // longer Query.Text is rejected
	MaxQueryClauses = 64   // more words/phrases are rejected
	MinPrefixRunes  = 3    // "ka*" would expand to thousands of words
	DefaultLimit    = 20   // Query.Limit when zero
	MaxLimit        = 1000 // Query.Limit above this is capped
	MaxFilterValues = 1000 // values in one list filter (IDs, Sources, ...)
	MaxTimeBuckets  = 400  // Query.TimeBuckets intervals
)

// FacetNames lists the facets every backend supports. It is a func rather
// than a package variable so no caller can change the list for the others.
func FacetNames() []string {
	return []string{FacetCategory, FacetRule, FacetSource, FacetRegion, FacetStatus, FacetPlace, FacetStory, FacetReviewer}
}

// Check rejects queries no reviewer would send and a backend should not
// run: oversized filter lists, scores that are not numbers and unknown
// facets. Backends call it first, so they reject the same queries alike.
func (q Query) Check() error {
	for _, f := range []struct {
		name string
		n    int
	}{
		{"ids", len(q.IDs)}, {"categories", len(q.Categories)}, {"rules", len(q.Rules)},
		{"sources", len(q.Sources)}, {"regions", len(q.Regions)}, {"statuses", len(q.Statuses)},
		{"places", len(q.Places)}, {"stories", len(q.Stories)},
		{"assignees", len(q.Assignees)}, {"reviewers", len(q.Reviewers)}, {"facets", len(q.Facets)},
	} {
		if f.n > MaxFilterValues {
			return fmt.Errorf("query: %d %s, the limit is %d", f.n, f.name, MaxFilterValues)
		}
	}
	for _, v := range []*float64{q.MinScore, q.MaxScore} {
		if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
			return fmt.Errorf("query: score bound %v is not a number", *v)
		}
	}
	if len(q.TimeBuckets) > 1+MaxTimeBuckets {
		return fmt.Errorf("query: %d time buckets, the limit is %d", len(q.TimeBuckets)-1, MaxTimeBuckets)
	}
	for i := 1; i < len(q.TimeBuckets); i++ {
		if !q.TimeBuckets[i-1].Before(q.TimeBuckets[i]) {
			return fmt.Errorf("query: time buckets must ascend (%s, then %s)", q.TimeBuckets[i-1], q.TimeBuckets[i])
		}
	}
	for _, f := range q.Facets {
		if !slices.Contains(FacetNames(), f) {
			return fmt.Errorf("query: unknown facet %q (want %s)", f, strings.Join(FacetNames(), ", "))
		}
	}
	return nil
}

// Words is the default analyser: it lower-cases text and splits it into runs
// of letters and digits. Backends use it when no analyser is configured and
// to index the unstemmed words that prefix queries match against.
func Words(text string) []string {
	var out []string
	forEachWord(text, func(start, end int) {
		out = append(out, strings.ToLower(text[start:end]))
	})
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// TermKind says how one alternative of a text query matches.
type TermKind int

// The kinds of alternatives in a parsed text query.
const (
	// KindTerm matches records containing the one term in Terms.
	KindTerm TermKind = iota
	// KindPhrase matches records where Terms occur next to each other in
	// this order.
	KindPhrase
	// KindPrefix matches records with an unstemmed word or an analysed term
	// starting with Prefix.
	KindPrefix
	// KindExact matches records containing the words of Terms as written
	// (lower-cased, not normalised or stemmed), next to each other in this
	// order when there are several: "camat" then matches "camat" but not
	// "kecamatan", whose stem is also camat.
	KindExact
)

// Alt is one alternative of a clause.
type Alt struct {
	Kind   TermKind
	Terms  []string // analysed terms: one for KindTerm, several for KindPhrase; lower-cased words for KindExact
	Prefix string   // lower-cased prefix (KindPrefix)
	Raw    string   // what the user typed, for messages
}

// Clause is a set of alternatives, any of which may match ("a OR b").
type Clause struct{ Alts []Alt }

// TextQuery is Query.Text parsed: every clause must match. A TextQuery
// without clauses matches every record (the text was empty or only had words
// the analyser drops).
type TextQuery struct{ Clauses []Clause }

// Terms returns every analysed term and prefix of the query, for highlighting.
// Exact words are not analysed terms: ExactWords has them.
func (q TextQuery) Terms() (terms, prefixes []string) {
	for _, c := range q.Clauses {
		for _, a := range c.Alts {
			switch a.Kind {
			case KindPrefix:
				prefixes = append(prefixes, a.Prefix)
			case KindExact:
			default:
				terms = append(terms, a.Terms...)
			}
		}
	}
	return terms, prefixes
}

// ExactWords returns the words of the query's exact alternatives, for
// highlighting.
func (q TextQuery) ExactWords() []string {
	var out []string
	for _, c := range q.Clauses {
		for _, a := range c.Alts {
			if a.Kind == KindExact {
				out = append(out, a.Terms...)
			}
		}
	}
	return out
}

// ParseText parses the free-text syntax of Query.Text with the analyser the
// store indexes with (nil means Words):
//
//	words       all must occur (AND is the default; the word AND is ignored)
//	a OR b      either may occur; OR binds tighter than the implicit AND, so
//	            "asn kampanye OR deklarasi" is asn AND (kampanye OR deklarasi)
//	"a b c"     exactly these words (lower-cased, not stemmed), next to each
//	            other, in order: "camat" does not find "kecamatan"
//	=word       exactly this word, as "word" does (the rule packs' syntax)
//	prefix*     any word starting with prefix (at least three letters)
//
// Other query words go through the same analyser as indexed text, so
// "mendukung" finds "dukungan" when the analyser stems. Backends share this
// parser so the same query means the same thing everywhere.
func ParseText(text string, analyze Analyzer) (TextQuery, error) {
	if analyze == nil {
		analyze = Words
	}
	if len(text) > MaxQueryBytes {
		return TextQuery{}, fmt.Errorf("query text is %d bytes, the limit is %d", len(text), MaxQueryBytes)
	}
	if !utf8.ValidString(text) {
		return TextQuery{}, fmt.Errorf("query text is not valid UTF-8")
	}
	toks, err := lexQuery(text)
	if err != nil {
		return TextQuery{}, err
	}
	var q TextQuery
	var cur *Clause
	joinNext := false
	for i, tk := range toks {
		if !tk.quoted && tk.text == "OR" {
			if cur == nil || i == len(toks)-1 {
				continue // a dangling OR means nothing
			}
			joinNext = true
			continue
		}
		if !tk.quoted && tk.text == "AND" {
			joinNext = false
			continue
		}
		alt, ok := makeAlt(tk, analyze)
		if !ok {
			joinNext = false
			continue
		}
		if joinNext && cur != nil {
			cur.Alts = append(cur.Alts, alt)
		} else {
			q.Clauses = append(q.Clauses, Clause{Alts: []Alt{alt}})
			cur = &q.Clauses[len(q.Clauses)-1]
		}
		joinNext = false
		if len(q.Clauses) > MaxQueryClauses {
			return TextQuery{}, fmt.Errorf("query has more than %d words", MaxQueryClauses)
		}
	}
	return q, nil
}

type queryToken struct {
	text   string
	quoted bool
}

func lexQuery(s string) ([]queryToken, error) {
	var toks []queryToken
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case r == '"':
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return nil, fmt.Errorf("query text: unclosed quote at byte %d", i)
			}
			toks = append(toks, queryToken{text: s[i+1 : i+1+end], quoted: true})
			i += end + 2
		default:
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsSpace(r2) || r2 == '"' {
					break
				}
				j += n2
			}
			toks = append(toks, queryToken{text: s[i:j]})
			i = j
		}
	}
	return toks, nil
}

func makeAlt(tk queryToken, analyze Analyzer) (Alt, bool) {
	exact, isExact := tk.text, tk.quoted
	if !tk.quoted && len(tk.text) > 1 && tk.text[0] == '=' {
		exact, isExact = tk.text[1:], true
	}
	if isExact {
		words := Words(exact)
		if len(words) == 0 {
			return Alt{}, false
		}
		return Alt{Kind: KindExact, Terms: words, Raw: tk.text}, true
	}
	if strings.HasSuffix(tk.text, "*") {
		words := Words(strings.TrimRight(tk.text, "*"))
		if len(words) == 1 && utf8.RuneCountInString(words[0]) >= MinPrefixRunes {
			return Alt{Kind: KindPrefix, Prefix: words[0], Raw: tk.text}, true
		}
		// "a*" or "x-y*": fall back to the words themselves.
	}
	terms := analyze(tk.text)
	switch len(terms) {
	case 0:
		return Alt{}, false
	case 1:
		return Alt{Kind: KindTerm, Terms: terms, Raw: tk.text}, true
	}
	return Alt{Kind: KindPhrase, Terms: terms, Raw: tk.text}, true
}
