package stem

import (
	"strings"
	"unicode/utf8"
)

// Prefix classes remembered between prefix and suffix removal, because some
// prefix–suffix pairs never occur together in Indonesian (e.g. di-…-an,
// ke-…-kan, ber-…-i) and stripping them would cut into the root.
const (
	prefixNone = iota
	prefixDi   // di-, meN-, ter-
	prefixPer  // per-, pe-
	prefixKe   // ke-, peN-
	prefixBer  // ber-, be-
)

// affixState is the word being stripped plus the bookkeeping the rules need.
// measure is the number of vowels left; every affix carries exactly one, so
// the count is kept by decrementing instead of rescanning.
type affixState struct {
	s       string
	measure int
	prefix  int
	// restored is set when the prefix's nasal was replaced by the initial
	// it stood for (menyapu → sapu, memukul → pukul).
	restored bool
}

// ruleStem strips affixes by rule alone, in the order and under the
// conditions of Tala's Porter-style stemmer for Bahasa Indonesia as refined by
// the Snowball project: particle, possessive, then either a first-order prefix
// (di-, meN-, ter-, ke-, peN-) followed by a suffix and a second-order prefix,
// or a second-order prefix (per-, pe-, ber-, be-) followed by a suffix. Words
// with at most two vowels are left alone: without a root dictionary that floor
// is what keeps short roots such as "dukung" or "pilih" intact.
func ruleStem(word string) string {
	m := countVowels(word)
	if m <= 2 {
		return word
	}
	st := affixState{s: word, measure: m}
	st.removeParticle()
	if st.measure <= 2 {
		return st.s
	}
	st.removePossessive()
	if st.measure <= 2 {
		return st.s
	}
	if st.removeFirstOrderPrefix() {
		// A second-order prefix (memper-, diper-, keber-) is only taken
		// when a suffix was also taken, and never inside a restored
		// initial: memerintahkan → perintah, not intah.
		if st.measure > 2 && st.removeSuffix() && st.measure > 2 && !st.restored {
			st.removeSecondOrderPrefix()
		}
		return st.s
	}
	st.removeSecondOrderPrefix()
	if st.measure > 2 {
		st.removeSuffix()
	}
	return st.s
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

func countVowels(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isVowel(s[i]) {
			n++
		}
	}
	return n
}

// vowelAt reports whether s has a vowel at byte offset i.
func vowelAt(s string, i int) bool {
	return i < len(s) && isVowel(s[i])
}

func (st *affixState) cutSuffix(n int) {
	st.s = st.s[:len(st.s)-n]
	st.measure--
}

func (st *affixState) removeParticle() {
	s := st.s
	if strings.HasSuffix(s, "kah") || strings.HasSuffix(s, "lah") || strings.HasSuffix(s, "pun") {
		st.cutSuffix(3)
	}
}

func (st *affixState) removePossessive() {
	s := st.s
	switch {
	case strings.HasSuffix(s, "nya"):
		st.cutSuffix(3)
	case strings.HasSuffix(s, "ku"), strings.HasSuffix(s, "mu"):
		st.cutSuffix(2)
	}
}

// removeSuffix strips -kan, -an or -i unless the prefix already taken rules
// it out. -i after "s" is kept: such words are loans (televisi, organisasi).
func (st *affixState) removeSuffix() bool {
	s := st.s
	switch {
	case strings.HasSuffix(s, "kan") && st.prefix != prefixKe && st.prefix != prefixPer:
		st.cutSuffix(3)
	case strings.HasSuffix(s, "an") && st.prefix != prefixDi:
		st.cutSuffix(2)
	case strings.HasSuffix(s, "i") && st.prefix <= prefixPer && (len(s) < 2 || s[len(s)-2] != 's'):
		st.cutSuffix(1)
	default:
		return false
	}
	return true
}

// removeFirstOrderPrefix strips di-, ter-, ke- and the nasal prefixes meN-
// and peN-. Of the nasal's dropped initial consonants only p and s are
// restored (memukul → pukul, menyapu → sapu): t and k cannot be told apart
// from vowel-initial roots without a dictionary (menulis/menanti,
// mengirim/mengambil), so they are left to the root lexicon.
func (st *affixState) removeFirstOrderPrefix() bool {
	s := st.s
	switch {
	case strings.HasPrefix(s, "meng"):
		st.s, st.prefix = s[4:], prefixDi
	case strings.HasPrefix(s, "meny") && vowelAt(s, 4):
		st.s, st.prefix, st.restored = "s"+s[4:], prefixDi, true
	case strings.HasPrefix(s, "men"):
		st.s, st.prefix = s[3:], prefixDi
	case strings.HasPrefix(s, "mem"):
		st.s, st.prefix, st.restored = nasalP(s), prefixDi, vowelAt(s, 3)
	case strings.HasPrefix(s, "me"), strings.HasPrefix(s, "di"):
		st.s, st.prefix = s[2:], prefixDi
	case strings.HasPrefix(s, "ter"):
		st.s, st.prefix = s[3:], prefixDi
	case strings.HasPrefix(s, "peng"):
		st.s, st.prefix = s[4:], prefixKe
	case strings.HasPrefix(s, "peny") && vowelAt(s, 4):
		st.s, st.prefix, st.restored = "s"+s[4:], prefixKe, true
	case strings.HasPrefix(s, "pen"):
		st.s, st.prefix = s[3:], prefixKe
	case strings.HasPrefix(s, "pem"):
		st.s, st.prefix, st.restored = nasalP(s), prefixKe, vowelAt(s, 3)
	case strings.HasPrefix(s, "ke"):
		st.s, st.prefix = s[2:], prefixKe
	default:
		return false
	}
	st.measure--
	return true
}

// nasalP removes a three-byte mem-/pem- prefix, restoring the p the nasal
// replaced when a vowel follows (memukul → pukul, pemilih → pilih).
func nasalP(s string) string {
	if vowelAt(s, 3) {
		return "p" + s[3:]
	}
	return s[3:]
}

// removeSecondOrderPrefix strips per-, pe-, ber- and be- (the latter only
// before a consonant + "er", as in bekerja), with bel-/pel- only in
// belajar/pelajar.
func (st *affixState) removeSecondOrderPrefix() bool {
	s := st.s
	switch {
	case strings.HasPrefix(s, "pelajar"):
		st.s = "ajar" + s[7:]
	case strings.HasPrefix(s, "belajar"):
		st.s, st.prefix = "ajar"+s[7:], prefixBer
	case strings.HasPrefix(s, "per"):
		st.s, st.prefix = s[3:], prefixPer
	case strings.HasPrefix(s, "ber"):
		st.s, st.prefix = s[3:], prefixBer
	case strings.HasPrefix(s, "pe"):
		st.s, st.prefix = s[2:], prefixPer
	case strings.HasPrefix(s, "be") && consonantEr(s[2:]):
		st.s, st.prefix = s[2:], prefixBer
	default:
		return false
	}
	st.measure--
	return true
}

// consonantEr reports whether s starts with one non-vowel character
// followed by "er" (kerja in bekerja, serta in beserta).
func consonantEr(s string) bool {
	if s == "" || isVowel(s[0]) {
		return false
	}
	n := 1
	if s[0] >= utf8.RuneSelf {
		_, n = utf8.DecodeRuneInString(s)
	}
	return strings.HasPrefix(s[n:], "er")
}
