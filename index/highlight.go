package index

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/netra-id/netra"
)

// Snippet sizes used by Highlight.
const (
	DefaultSnippets     = 3
	DefaultSnippetBytes = 160
)

// Highlight returns up to max snippets of text (about width bytes each) in
// which every word that the query matches is wrapped in HighlightPre and
// HighlightPost. A word matches when one of its analysed terms is a term of
// q, its lower-cased form is one of q's exact words, or it starts with one of
// q's prefixes. Backends share
// this so highlighting follows the same analyser as search, whatever engine
// is underneath; marker bytes already present in text are dropped so they
// cannot be forged by crawled content.
func Highlight(text string, analyze Analyzer, q TextQuery, max, width int) []string {
	if analyze == nil {
		analyze = Words
	}
	if max <= 0 {
		max = DefaultSnippets
	}
	if width <= 0 {
		width = DefaultSnippetBytes
	}
	terms, prefixes := q.Terms()
	exact := q.ExactWords()
	if len(terms) == 0 && len(prefixes) == 0 && len(exact) == 0 {
		return nil
	}
	want := make(map[string]bool, len(terms))
	var tails []string
	for _, t := range terms {
		want[t] = true
		tails = append(tails, termTail(t))
	}
	seen := map[string]bool{}
	matches := func(word string) bool {
		lw := strings.ToLower(word)
		if m, ok := seen[lw]; ok {
			return m
		}
		m := slices.Contains(exact, lw)
		for _, p := range prefixes {
			if strings.HasPrefix(lw, p) {
				m = true
				break
			}
		}
		if !m && mayStemTo(lw, tails) {
			for _, t := range analyze(word) {
				if want[t] {
					m = true
					break
				}
			}
		}
		seen[lw] = m
		return m
	}

	var hits [][2]int
	forEachWord(text, func(start, end int) {
		if matches(text[start:end]) {
			hits = append(hits, [2]int{start, end})
		}
	})
	if len(hits) == 0 {
		return nil
	}

	var out []string
	for i := 0; i < len(hits) && len(out) < max; {
		from := wordStart(text, hits[i][0]-width/3)
		to := wordEnd(text, from+width)
		if to < hits[i][1] {
			to = hits[i][1]
		}
		var b strings.Builder
		if from > 0 {
			b.WriteString("…")
		}
		pos := from
		for ; i < len(hits) && hits[i][1] <= to; i++ {
			writeClean(&b, text[pos:hits[i][0]])
			b.WriteString(HighlightPre)
			writeClean(&b, text[hits[i][0]:hits[i][1]])
			b.WriteString(HighlightPost)
			pos = hits[i][1]
		}
		writeClean(&b, text[pos:to])
		if to < len(text) {
			b.WriteString("…")
		}
		out = append(out, strings.TrimSpace(b.String()))
	}
	return out
}

// RecordSnippets is what a search Match carries when Query.Highlight is set:
// snippets of the record's text, or one of its title when the text has no
// match.
func RecordSnippets(r netra.Record, analyze Analyzer, q TextQuery) []string {
	sn := Highlight(r.Item.Text, analyze, q, 0, 0)
	if len(sn) == 0 && r.Item.Title != "" {
		sn = Highlight(r.Item.Title, analyze, q, 1, 0)
	}
	return sn
}

// forEachWord calls fn with the byte range of every run of word runes. Words
// and the highlighter both use it, so a highlighted span is always a word the
// analyser saw.
func forEachWord(text string, fn func(start, end int)) {
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			fn(start, i)
			start = -1
		}
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// wordStart moves i back to the start of the word or space it falls in, on a
// rune boundary, clamped to the text.
func wordStart(text string, i int) int {
	if i <= 0 {
		return 0
	}
	for i > 0 && !utf8.RuneStart(text[i]) {
		i--
	}
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !isWordRune(r) {
			break
		}
		i -= n
	}
	return i
}

// wordEnd moves i forward to the end of the word it falls in.
func wordEnd(text string, i int) int {
	if i >= len(text) {
		return len(text)
	}
	for i < len(text) && !utf8.RuneStart(text[i]) {
		i++
	}
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return i
}

// writeClean copies s without the highlight marker bytes and with line breaks
// turned into spaces, so a snippet is one line.
func writeClean(b *strings.Builder, s string) {
	for _, r := range s {
		switch r {
		case '\x02', '\x03':
			continue
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
}

// termTail is what of a stem must survive in any inflected form: Indonesian
// affixes attach at the edges, and a nasal prefix may replace the stem's
// first letter (menyapu → sapu, mendukung → dukung), so every form of a stem
// of three or more letters contains the stem without its first letter.
// Short stems give "" (any word may reach them).
func termTail(t string) string {
	if utf8.RuneCountInString(t) < 3 {
		return ""
	}
	_, n := utf8.DecodeRuneInString(t)
	return t[n:]
}

// mayStemTo is a cheap filter in front of the analyser, which costs far more
// per word: a long word that contains no stem's tail cannot analyse to any
// of the stems. Short words are always analysed, since slang spellings
// ("tdk", "dgn") normalise to words they do not contain.
func mayStemTo(lw string, tails []string) bool {
	if len(lw) <= 5 {
		return true
	}
	for _, tail := range tails {
		if tail == "" || strings.Contains(lw, tail) {
			return true
		}
	}
	return false
}
