package stem

import (
	"bufio"
	"strings"
)

// maxRootLen bounds the roots a lexicon accepts, so that a candidate with a
// restored initial fits a stack buffer and lookups never allocate.
const maxRootLen = 48

// lexicon is a small set of known roots (and words that must not be cut) used
// to settle what rules cannot: which initial a nasal prefix dropped
// (menulis → tulis, mengirim → kirim) and whether a word is a root that only
// looks affixed (kepala, partai, relawan). It is read-only once built.
type lexicon struct {
	// roots maps each word to itself so a hit can be returned without
	// allocating a new string.
	roots map[string]string
	// tails has a bit set for the hash of the last three bytes of every
	// root: most words have no possible ending in it, which skips the
	// analysis altogether.
	tails [1024]uint64
}

func newLexicon() *lexicon {
	return &lexicon{roots: make(map[string]string)}
}

// add puts w in the lexicon. Words shorter than three bytes, longer than
// maxRootLen or not lower-case ASCII letters are ignored: the analysis only
// ever produces such candidates.
func (lx *lexicon) add(w string) {
	if len(w) < 3 || len(w) > maxRootLen {
		return
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return
		}
	}
	lx.roots[w] = w
	h := tailHash(w)
	lx.tails[h>>6] |= 1 << (h & 63)
}

// addText adds the words of a list with one word per line; "#" starts a
// comment and blank lines are skipped.
func (lx *lexicon) addText(text string) {
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if w := strings.TrimSpace(line); w != "" {
			lx.add(strings.ToLower(w))
		}
	}
}

func tailHash(s string) uint32 {
	n := len(s)
	return (uint32(s[n-3])*961 + uint32(s[n-2])*31 + uint32(s[n-1])) & 0xffff
}

func (lx *lexicon) mayEndAt(s string) bool {
	if len(s) < 3 {
		return false
	}
	h := tailHash(s)
	return lx.tails[h>>6]&(1<<(h&63)) != 0
}

// Prefix kinds for the lexicon analysis. They follow Nazief and Adriani's
// confix rules rather than the rule stemmer's coarser classes.
const (
	kindNone int8 = iota
	kindDi
	kindMe
	kindTe
	kindKe
	kindSe
	kindBe
	kindPe
	kindKu // the proclitics ku- and kau- (kupukul, kauhajar)
)

// Suffix kinds for the same confix rules.
const (
	sufNone int8 = iota
	sufKan
	sufAn
	sufI
)

// cut is one way to read a prefix off a word: the root starts at byte at,
// preceded by the restored initial recode when it is not 0.
type cut struct {
	at     int
	recode byte
	kind   int8
}

// ending is one way to read suffixes off a word: the root ends at byte end.
type ending struct {
	end    int
	suffix int8
}

// forbidden reports the prefix–suffix pairs that do not occur in Indonesian
// (Nazief and Adriani's confix restrictions): be-…-i, di-…-an, ke-…-i,
// ke-…-kan, me-…-an, se-…-i, se-…-kan, te-…-an.
func forbidden(kind, suffix int8) bool {
	switch kind {
	case kindBe:
		return suffix == sufI
	case kindDi, kindMe, kindTe:
		return suffix == sufAn
	case kindKe, kindSe:
		return suffix == sufI || suffix == sufKan
	}
	return false
}

// lookup finds the longest lexicon word that word can be analysed into:
// itself, or what is left after up to three inflectional/derivational
// suffixes and up to two prefixes, with the initial a nasal dropped restored.
// It returns "" when there is none.
func (lx *lexicon) lookup(word string) string {
	var ends [16]ending
	n := endings(word, &ends)
	best := ""
	for _, e := range ends[:n] {
		w := word[:e.end]
		if len(w) <= len(best) || !lx.mayEndAt(w) {
			continue
		}
		if r := lx.roots[w]; r != "" {
			// Nothing a prefix reading yields can be longer.
			best = r
			continue
		}
		if r := lx.rootAfterPrefixes(w, e.suffix, len(best)); len(r) > len(best) {
			best = r
		}
	}
	return best
}

// rootAfterPrefixes tries every reading of the prefixes of w and returns the
// longest root longer than atLeast bytes that the lexicon knows, or "".
func (lx *lexicon) rootAfterPrefixes(w string, suffix int8, atLeast int) string {
	best := ""
	var first [8]cut
	for _, c := range first[:prefixCuts(w, &first, true)] {
		if forbidden(c.kind, suffix) {
			continue
		}
		if r := lx.rootAt(w, c); len(r) > atLeast {
			best, atLeast = r, len(r)
		}
		if c.recode != 0 {
			// A restored initial is part of the root: it cannot begin a
			// second prefix (memerintah is meN- + perintah).
			continue
		}
		rest := w[c.at:]
		var second [8]cut
		for _, c2 := range second[:prefixCuts(rest, &second, false)] {
			if c2.kind == c.kind {
				continue
			}
			if r := lx.rootAt(rest, c2); len(r) > atLeast {
				best, atLeast = r, len(r)
			}
		}
	}
	return best
}

// rootAt returns the lexicon word for w read from the cut c, or "".
func (lx *lexicon) rootAt(w string, c cut) string {
	rest := w[c.at:]
	if c.recode == 0 {
		if len(rest) < 3 {
			return ""
		}
		return lx.roots[rest]
	}
	if len(rest)+1 > maxRootLen || len(rest) < 2 {
		return ""
	}
	var buf [maxRootLen]byte
	buf[0] = c.recode
	n := 1 + copy(buf[1:], rest)
	return lx.roots[string(buf[:n])]
}

// endings lists the ways suffixes can be read off word, fewest first:
// particle (-lah, -kah, -tah, -pun), then possessive (-ku, -mu, -nya), then
// derivational (-kan, -an, -i). At least two bytes are always left.
func endings(word string, out *[16]ending) int {
	n := 0
	var ps [2]int
	np := 1
	ps[0] = len(word)
	if len(word) > 5 && isParticle(word[len(word)-3:]) {
		ps[1], np = len(word)-3, 2
	}
	for _, p := range ps[:np] {
		var qs [2]int
		nq := 1
		qs[0] = p
		if p > 5 && word[p-3:p] == "nya" {
			qs[1], nq = p-3, 2
		} else if p > 4 && word[p-1] == 'u' && (word[p-2] == 'k' || word[p-2] == 'm') {
			qs[1], nq = p-2, 2
		}
		for _, q := range qs[:nq] {
			out[n] = ending{q, sufNone}
			n++
			switch {
			case q > 4 && word[q-2:q] == "an":
				if q > 5 && word[q-3] == 'k' {
					out[n] = ending{q - 3, sufKan}
					n++
				}
				out[n] = ending{q - 2, sufAn}
				n++
			case q > 3 && word[q-1] == 'i':
				out[n] = ending{q - 1, sufI}
				n++
			}
		}
	}
	return n
}

func isParticle(s string) bool {
	switch s {
	case "lah", "kah", "tah", "pun":
		return true
	}
	return false
}

// prefixCuts lists the ways a prefix can be read off the front of w,
// including the allomorphs of meN- and peN- and, for a vowel after the
// nasal, the initial it may have replaced (p, t, k, s). first selects the
// prefixes that may start a word (di-, me-, se-) in addition to those that
// may also follow another prefix (ber-, ter-, per-, peN-, ke-).
func prefixCuts(w string, out *[8]cut, first bool) int {
	n := 0
	add := func(at int, recode byte, kind int8) {
		if n < len(out) && at < len(w) {
			out[n] = cut{at, recode, kind}
			n++
		}
	}
	if len(w) < 5 {
		return 0
	}
	c2 := w[2]
	switch w[:2] {
	case "di":
		if first {
			add(2, 0, kindDi)
		}
	case "se":
		if first {
			add(2, 0, kindSe)
		}
	case "ke":
		add(2, 0, kindKe)
	case "ku":
		if first {
			add(2, 0, kindKu)
		}
	case "ka":
		if first && c2 == 'u' {
			add(3, 0, kindKu)
		}
	case "te":
		if c2 == 'r' {
			add(3, 0, kindTe)
			add(2, 0, kindTe)
		}
	case "be":
		switch {
		case c2 == 'r':
			add(3, 0, kindBe)
		case strings.HasPrefix(w, "belajar"):
			add(3, 0, kindBe)
		}
		add(2, 0, kindBe)
	case "me":
		if first {
			n = nasalCuts(w, out, n, kindMe)
		}
	case "pe":
		if c2 == 'r' || strings.HasPrefix(w, "pelajar") {
			add(3, 0, kindPe)
		}
		n = nasalCuts(w, out, n, kindPe)
	}
	return n
}

// nasalCuts adds the readings of meN-/peN- (w starts with "me" or "pe").
func nasalCuts(w string, out *[8]cut, n int, kind int8) int {
	add := func(at int, recode byte) {
		if n < len(out) && at < len(w) {
			out[n] = cut{at, recode, kind}
			n++
		}
	}
	switch {
	case strings.HasPrefix(w[2:], "ng"):
		switch c := byteAt(w, 4); {
		case isVowel(c):
			add(4, 0)   // mengambil
			add(4, 'k') // mengirim
			add(2, 0)   // menganga
			if c == 'e' && len(w) > 6 && !isVowel(w[5]) {
				add(5, 0) // mengebom
			}
		case c == 'g' || c == 'h' || c == 'k' || c == 'q':
			add(4, 0)
		}
	case strings.HasPrefix(w[2:], "ny"):
		if isVowel(byteAt(w, 4)) {
			add(4, 's') // menyapu
		}
		add(2, 0) // menyanyi
	case w[2] == 'n':
		switch c := byteAt(w, 3); {
		case isVowel(c):
			add(3, 't') // menulis
			add(2, 0)   // menanti
		case c == 'c' || c == 'd' || c == 'j' || c == 't' || c == 's' || c == 'z':
			add(3, 0)
		}
	case w[2] == 'm':
		switch c := byteAt(w, 3); {
		case isVowel(c):
			add(3, 'p') // memukul
			add(2, 0)   // memakan
		case c == 'b' || c == 'f' || c == 'v' || c == 'p':
			add(3, 0)
		}
	default:
		add(2, 0) // melihat, merasa, pejabat
	}
	return n
}

func byteAt(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}
